"""schema.org ``Occupation`` for a profession card (https://schema.org/Occupation)."""

KRAI = {
    "@type": "AdministrativeArea",
    "name": "Хабаровский край",
    "address": {"@type": "PostalAddress", "addressCountry": "RU"},
}
EDUCATION = {
    "profobuchenie": "Профессиональное обучение",
    "spo": "Среднее профессиональное образование",
    "vo": "Высшее образование",
}


def occupation(profession, url, *, specialties=(), subjects=()):
    data = {
        "@context": "https://schema.org",
        "@type": "Occupation",
        "name": profession.title,
        "url": url,
        "description": profession.summary,
        "occupationLocation": [KRAI],
        "educationRequirements": {
            "@type": "EducationalOccupationalCredential",
            "credentialCategory": EDUCATION.get(profession.education_level, ""),
            "name": "; ".join(str(s) for s in specialties) or EDUCATION.get(profession.education_level, ""),
        },
        "skills": profession.hard_skills_list + profession.soft_skills_list,
        "responsibilities": profession.duties_list,
    }
    if profession.sector_id:
        data["occupationalCategory"] = profession.okz_code or profession.sector.name
    elif profession.okz_code:
        data["occupationalCategory"] = profession.okz_code
    if subjects:
        data["qualifications"] = ", ".join(subject.name for subject in subjects)
    if profession.salary_min or profession.salary_max:
        low = profession.salary_min or profession.salary_max
        high = profession.salary_max or profession.salary_min
        data["estimatedSalary"] = [
            {
                "@type": "MonetaryAmountDistribution",
                "name": "Демонстрационные данные" if profession.salary_is_demo else "Зарплата по данным источника",
                "currency": "RUB",
                "duration": "P1M",
                "minValue": low,
                "maxValue": high,
                "median": (low + high) // 2,
            }
        ]
    return data
