"""Editors find and filter the atlas's reference data in the admin."""

from atlas.factories import EmployerFactory, SectorFactory


def test_snippet_listing_searches_and_filters(admin_client, atlas):
    aviation = SectorFactory(name="Авиастроение")
    EmployerFactory(name="Амурский судостроительный завод", sector=SectorFactory(name="Судостроение"))
    EmployerFactory(name="КнААЗ", sector=aviation, confidence="medium")
    response = admin_client.get("/admin/snippets/atlas/employer/", {"q": "КнААЗ"})
    html = response.content.decode()
    assert response.status_code == 200 and "КнААЗ" in html and "судостроительный" not in html
    response = admin_client.get("/admin/snippets/atlas/employer/", {"confidence": "medium"})
    html = response.content.decode()
    assert "КнААЗ" in html and "судостроительный" not in html
    response = admin_client.get("/admin/snippets/atlas/employer/", {"sector": aviation.pk})
    assert "КнААЗ" in response.content.decode()


def test_editor_creates_a_profession_card_in_the_admin(admin_client, atlas):
    from wagtail.test.utils.form_data import inline_formset, nested_form_data, streamfield

    sector = SectorFactory(name="Авиастроение")
    response = admin_client.post(
        f"/admin/pages/add/atlas/professionpage/{atlas.pk}/",
        nested_form_data(
            {
                "title": "Монтажник",
                "also_called": streamfield([]),
                "slug": "montazhnik",
                "summary": "Собирает конструкции.",
                "easy_read_summary": "",
                "sector": sector.pk,
                "education_level": "spo",
                "klimov_type": "technique",
                "demand_level": "high",
                "outlook": "",
                "duties": streamfield([("item", "Собирает")]),
                "day_at_work": "",
                "working_conditions": "",
                "hard_skills": streamfield([]),
                "soft_skills": streamfield([]),
                "personal_qualities": streamfield([]),
                "contraindications": streamfield([]),
                "salary_min": "70000",
                "salary_max": "50000",
                "salary_source": "",
                "salary_date": "",
                "media": streamfield([]),
                "okpdtr_code": "",
                "okz_code": "",
                "data_source": "",
                "needs_verification": "",
                "suitability": inline_formset([]),
                "action-publish": "publish",
            }
        ),
    )
    assert response.status_code == 200  # refused: the upper salary bound is below the lower one
    assert response.context["form"].errors["salary_max"] == ["Верхняя граница не может быть меньше нижней."]
