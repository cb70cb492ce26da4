"""The students' accounts in Debian's Chromium: axe finds nothing on the registration pages (with errors too, in every
colour scheme), on the cabinet in each of its states and on the privacy page; the form reflows at 320 px; a keyboard
alone opens an account. Screenshots at 375 and 1280 px go to var/screenshots."""

import pytest

from portal.accessibility import COOKIE, Settings
from resumes import accounts
from resumes.models import StudentAccount
from resumes.tests.conftest import CABINET, PASSWORD, REGISTER, RESUME
from tests.account_request_pages import (
    axe_problems_in_every_scheme,
    axe_problems_on_request_pages,
    tab_until,
    violations,
)
from tests.test_accessibility import SCHEMES, SCREENSHOTS, format_violations

pytestmark = [pytest.mark.browser, pytest.mark.django_db]


def show_errors(page, base):
    """The form sent with a bad address, no date of birth and no consent."""
    page.goto(base + REGISTER)
    page.fill("#id_email", "not-an-address")
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")


def test_axe_finds_nothing_on_the_registration_pages(page, site):
    problems = axe_problems_on_request_pages(page, site, REGISTER, show_errors)
    assert not problems, "\n".join(problems)


def test_the_form_reflows_at_320_px(page, site):
    SCREENSHOTS.mkdir(parents=True, exist_ok=True)
    page.set_viewport_size({"width": 375, "height": 900})
    page.goto(site + REGISTER)
    page.screenshot(path=str(SCREENSHOTS / "student-register-375.png"), full_page=True)
    page.set_viewport_size({"width": 320, "height": 900})
    for url in (REGISTER, "/privacy/"):
        page.goto(site + url)
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, url


def test_a_keyboard_alone_opens_an_account(page, site):
    page.goto(site + REGISTER)
    page.focus("#id_full_name")
    for field_id, keys in [
        ("id_full_name", "Клавишин Олег Павлович"),
        ("id_birth_date", "05.03.2007"),
        ("id_occupation", None),
        ("id_email", "keyboard-student@example.ru"),
        ("id_password1", PASSWORD),
        ("id_password2", PASSWORD),
    ]:
        assert page.evaluate("document.activeElement.id") == field_id
        if keys is None:
            page.keyboard.press("ArrowDown")
        else:
            page.keyboard.type(keys)
        page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.id") == "id_consent"
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Проверьте почту"
    student = StudentAccount.objects.get(email="keyboard-student@example.ru")
    assert student.birth_date.isoformat() == "2007-03-05" and student.consents.count() == 1


def sign_in_a_student(page, site, django_db_blocker, email):
    """A confirmed student with a consent in force, signed in in the browser."""
    from django.contrib.auth import get_user_model

    with django_db_blocker.unblock():
        user = get_user_model().objects.create_user(email, email, PASSWORD)
        student = StudentAccount.objects.create(
            full_name="Кабинетова Анна",
            birth_date="2006-01-02",
            occupation="graduate",
            email=user.email,
            account=user,
            status="confirmed",
            consent_at="2026-11-30T10:00:00+10:00",
            language="ru",
        )
        accounts.give_consent(student)
    page.goto(site + "/_util/login/?next=" + CABINET)
    page.fill("#id_username", user.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    return student


def test_axe_finds_nothing_on_the_cabinet_and_the_privacy_page(page, site, django_db_blocker):
    sign_in_a_student(page, site, django_db_blocker, "kabinet@example.ru")
    problems = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + CABINET)
        page.screenshot(path=str(SCREENSHOTS / f"student-cabinet-{width}.png"), full_page=True)
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])
        for url in (CABINET, "/privacy/", "/en/privacy/"):
            page.goto(site + url)
            if found := violations(page):
                problems.append(format_violations(f"{url} [{scheme}]", found))
    page.context.clear_cookies(name=COOKIE)
    page.goto(site + CABINET)
    for state, button in (("withdrawn", "withdraw"), ("delete refused", "delete")):
        with page.expect_navigation():
            page.click(f"form:has(input[value={button}]) button")
        if found := violations(page):
            problems.append(format_violations(f"cabinet, {state}", found))
    assert "Вы отозвали согласие" in page.content()
    assert not problems, "\n".join(problems)


def tab_to(page, element_id, most=400):
    """Press Tab until the element ``element_id`` has the focus (it must get it within ``most`` presses)."""
    tab_until(page, "document.activeElement.id", element_id, most)


def test_a_keyboard_alone_writes_a_resume_and_downloads_its_pdf(page, site, django_db_blocker):
    from resumes.models import Resume

    student = sign_in_a_student(page, site, django_db_blocker, "klaviatura@example.ru")
    page.goto(site + CABINET)
    page.focus("h1")
    tab_to(page, "write-resume")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert page.locator("h1").inner_text() == "Моё резюме"
    page.focus("h1")
    tab_to(page, "id_professions_0")
    page.keyboard.press("Space")
    tab_to(page, "id_position")
    page.keyboard.type("Стажёр")
    tab_to(page, "id_district")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_education-0-organisation")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_education-0-specialty")
    page.keyboard.press("ArrowDown")
    tab_to(page, "id_education-0-graduation_year")
    page.keyboard.type("2027")
    tab_to(page, "id_experience-0-kind")
    page.keyboard.press("ArrowDown")
    for field_id, words in (("id_experience-0-title", "Практика в депо"), ("id_experience-0-period", "2025")):
        tab_to(page, field_id)
        page.keyboard.type(words)
    tab_to(page, "id_skills")
    page.keyboard.type("Читаю чертежи")
    tab_to(page, "id_phone")
    page.keyboard.type("+7 914 111-22-33")
    tab_to(page, "id_visible")
    page.keyboard.press("Space")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.textContent") == "Сохранить резюме"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Резюме сохранено." in page.content()
    with django_db_blocker.unblock():
        resume = Resume.objects.get(student=student)
        assert resume.visible and resume.professions.count() == 1 and resume.district_id is not None
        assert [row.graduation_year for row in resume.education.all()] == [2027]
        assert [row.title for row in resume.experience.all()] == ["Практика в депо"]
    page.focus("h1")
    tab_to(page, "resume-pdf")
    href = page.evaluate("document.activeElement.href")
    pdf = page.request.get(href)
    assert pdf.headers["content-type"] == "application/pdf" and pdf.body().startswith(b"%PDF")


def test_axe_finds_nothing_on_the_resume_form_and_it_reflows(page, site, django_db_blocker):
    sign_in_a_student(page, site, django_db_blocker, "forma@example.ru")
    problems = []
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        page.goto(site + RESUME)
        page.screenshot(path=str(SCREENSHOTS / f"student-resume-{width}.png"), full_page=True)
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])
        for url in (RESUME, RESUME + "?version=easy", "/en" + RESUME):
            page.goto(site + url)
            if found := violations(page):
                problems.append(format_violations(f"{url} [{scheme}]", found))
        page.set_viewport_size({"width": 320, "height": 900})  # the form with its errors at the narrowest
        page.goto(site + RESUME)
        page.fill("#id_education-0-graduation_year", "20x6")
        with page.expect_navigation():
            page.click(".account-form button[type=submit]")
        assert page.locator(".field__error").count() >= 2
        if found := violations(page):
            problems.append(format_violations(f"{RESUME} with errors [{scheme}]", found))
        assert page.evaluate("document.documentElement.scrollWidth") <= 320, scheme
        page.set_viewport_size({"width": 1280, "height": 900})
        page.set_viewport_size({"width": 1280, "height": 900})
    assert not problems, "\n".join(problems)


def test_an_employer_finds_invites_and_the_student_accepts(page, site, django_db_blocker):
    """The admin's search and résumé page for a verified employer (axe, 375 and 1280 px), an invitation sent; the
    student's cabinet with it and the look recorded (axe in every scheme), accepted with the keyboard; the employer
    then sees the contacts."""
    from partners.models import Organisation, Status
    from resumes.models import Resume

    with django_db_blocker.unblock():
        employer = Organisation.objects.filter(status=Status.APPROVED, educational_organization__isnull=True).first()
        employer.account.set_password(PASSWORD)
        employer.account.save()
        resume = Resume.objects.shown().select_related("student__account").order_by("pk").first()
        resume.contacts_shown = False
        resume.save()
        resume.student.account.set_password(PASSWORD)
        resume.student.account.save()
    problems = []
    page.goto(site + "/admin/login/")
    page.fill("#id_username", employer.account.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click("button[type=submit]")
    for width in (375, 1280):
        page.set_viewport_size({"width": width, "height": 900})
        for name, url in (("search", "/admin/reziume/?district=abc"), ("resume", f"/admin/reziume/{resume.pk}/")):
            page.goto(site + url)
            page.screenshot(path=str(SCREENSHOTS / f"employer-{name}-{width}.png"), full_page=True)
            if found := violations(page):
                problems.append(format_violations(f"{url} at {width}", found))
    assert resume.phone not in page.content()
    page.fill("#id_message", "Приглашаем на пробный день.")
    with page.expect_navigation():
        page.click("main form button[type=submit]")

    page.context.clear_cookies()
    page.goto(site + "/_util/login/?next=" + CABINET)
    page.fill("#id_username", resume.student.account.username)
    page.fill("#id_password", PASSWORD)
    with page.expect_navigation():
        page.click(".login-form button[type=submit]")
    assert employer.name in page.inner_text("#invitations-heading + ul")
    assert employer.name in page.inner_text("section[aria-labelledby=views-heading]")
    for scheme in [None, *SCHEMES]:
        if scheme:
            mode = Settings().change("scheme", scheme).change("size", "4").change("spacing", "large")
            page.context.add_cookies([{"name": COOKIE, "value": mode.to_cookie(), "url": site}])
        page.goto(site + CABINET)
        if found := violations(page):
            problems.append(format_violations(f"cabinet with an invitation [{scheme}]", found))
    page.context.clear_cookies(name=COOKIE)
    page.goto(site + CABINET)
    page.focus("#invitations-heading")
    tab_until(page, "document.activeElement.textContent.trim()", "Принять и показать мои контакты")
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Вы приняли приглашение" in page.content()
    assert not problems, "\n".join(problems)


def test_photo_and_certificates_axe_finds_nothing_and_the_keyboard_adds_one(page, site, django_db_blocker, tmp_path):
    from resumes.models import Resume, ResumeFile

    student = sign_in_a_student(page, site, django_db_blocker, "fajly@example.ru")
    with django_db_blocker.unblock():
        Resume.objects.create(student=student, contact_email=student.email)
    files = "/studentam/kabinet/reziume/faily/"
    renamed = tmp_path / "diplom.pdf"
    renamed.write_bytes(b"MZ\x90\x00 a program, not a PDF")
    scan = tmp_path / "diplom.png"
    scan.write_bytes(
        bytes.fromhex("89504e470d0a1a0a0000000d49484452000000010000000108020000009077")
        + bytes.fromhex("53de0000000c4944415408d763f8cfc0000003010100c9fe92ef0000000049454e44ae426082")
    )
    page.goto(site + files)
    page.check("#id_kind_1")
    page.set_input_files("#id_file", str(renamed))
    with page.expect_navigation():
        page.click(".account-form button[type=submit]")
    assert "не является файлом «.pdf»" in page.inner_text("main")
    problems = [format_violations("files with an error", found)] if (found := violations(page)) else []
    problems += axe_problems_in_every_scheme(page, site, (files,))
    page.goto(site + files)
    page.focus("h1")
    tab_to(page, "id_kind_0")
    page.keyboard.press("ArrowDown")  # the second choice: a certificate
    page.keyboard.press("Tab")
    page.keyboard.type("Диплом Абилимпикс")
    page.set_input_files("#id_file", str(scan))
    page.keyboard.press("Tab")
    page.keyboard.press("Tab")
    assert page.evaluate("document.activeElement.type") == "submit"
    with page.expect_navigation():
        page.keyboard.press("Enter")
    assert "Файл добавлен к резюме." in page.inner_text("[role=status]")
    with django_db_blocker.unblock():
        assert ResumeFile.objects.get(resume__student=student).title == "Диплом Абилимпикс"
    if found := violations(page):
        problems.append(format_violations("files with one", found))
    assert not problems, "\n".join(problems)
