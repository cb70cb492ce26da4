"""The import of «Работа России» open data: files built here in the service's JSON format, with Russian texts. A good
file, files in a wrong shape (a report, nothing written), the same file twice (nothing changes), vacancies that left
the source (closed), the command, and the daily refresh from a URL (a local file: there is no internet here)."""

import datetime
import json
from pathlib import Path

import pytest
from django.core.management import CommandError, call_command
from django.utils import timezone
from django_tasks_db.models import DBTaskResult

from vacancies import tasks, trudvsem
from vacancies.models import Vacancy

pytestmark = pytest.mark.django_db
SAMPLE = Path(__file__).resolve().parent.parent / "fixtures" / "trudvsem_sample.json"


def vacancy(source_id, name, **fields):
    """One record as the service publishes it, of a company in Амурск unless told otherwise."""
    record = {
        "id": source_id,
        "source": "Работа России",
        "region": {"region_code": "2700000000000", "name": "Хабаровский край"},
        "company": {"inn": "2706000001", "name": "АО «Амурский судостроительный завод»", "ogrn": "1022700000001"},
        "creation-date": "2026-11-20",
        "salary": "от 45000 до 70000",
        "salary_min": 45000,
        "salary_max": 70000,
        "job-name": name,
        "vac_url": f"https://trudvsem.ru/vacancy/card/1022700000001/{source_id}",
        "employment": "Полная занятость",
        "schedule": "Полный рабочий день",
        "duty": "<p>Сварка узлов корпуса судна под руководством наставника.</p>",
        "category": {"specialisation": "Производство"},
        "requirement": {"education": "Среднее профессиональное", "experience": 0, "qualification": "Разряд не ниже 2"},
        "addresses": {"address": [{"location": "Хабаровский край, г Амурск, Машиностроительная ул., 1"}]},
        "currency": "«руб.»",
    }
    record.update(fields)
    return {"vacancy": record}


def document(*records):
    return json.dumps(
        {"status": "200", "meta": {"total": len(records), "limit": 100}, "results": {"vacancies": list(records)}},
        ensure_ascii=False,
    ).encode()


@pytest.fixture
def cards(atlas_cards):
    from atlas.models import MunicipalDistrict

    MunicipalDistrict.objects.filter(pk=atlas_cards["amur"].pk).update(centre="Амурск")
    MunicipalDistrict.objects.filter(pk=atlas_cards["vanino"].pk).update(centre="Ванино")
    nurse = atlas_cards["nurse"]
    nurse.okpdtr_code = "24038"
    nurse.save_revision().publish()
    return atlas_cards


GOOD = document(
    vacancy("v-welder", "Сварщик ручной дуговой сварки"),
    vacancy(
        "v-nurse",
        "Младшая медицинская сестра по уходу",
        code_profession="24038",
        company={"inn": "2709000002", "name": "КГБУЗ «Ванинская ЦРБ»"},
        addresses={"address": [{"location": "Хабаровский край, рп Ванино, ул. Октябрьская, 5"}]},
        duty="Уход за больными. Возможно целевое обучение в медколледже.",
        salary_min=35000,
        salary_max=0,
    ),
    vacancy("v-trainee", "Стажёр-слесарь", requirement={"experience": 1}),
    vacancy("v-senior", "Главный сварщик", requirement={"experience": 5}),
    vacancy("v-primorye", "Сварщик", region={"region_code": "2500000000000", "name": "Приморский край"}),
)


def test_a_good_file_brings_the_krais_vacancies_for_young_people(cards):
    report = trudvsem.run_import(GOOD, "vacancies.json")
    assert report.ok and report.written
    assert report.counts["vacancy"]["created"] == 3
    assert "Пропущено вакансий не из края или с требованием опыта работы: 2." in report.notes
    welder = Vacancy.objects.get(source_id="v-welder")
    assert welder.profession == cards["welder"], "by the name: the card whose title begins it"
    assert welder.district == cards["amur"] and welder.kind == "first_job"
    assert (welder.salary_from, welder.salary_to, welder.employer_inn) == (45000, 70000, "2706000001")
    assert welder.source_url.endswith("/v-welder") and welder.imported_at is not None
    assert welder.duties == "Сварка узлов корпуса судна под руководством наставника."
    nurse = Vacancy.objects.get(source_id="v-nurse")
    assert nurse.profession == cards["nurse"], "by the ОКПДТР code"
    assert nurse.district == cards["vanino"] and nurse.kind == "target_training"
    assert (nurse.salary_from, nurse.salary_to) == (35000, None)
    assert Vacancy.objects.get(source_id="v-trainee").kind == "practice"
    assert set(Vacancy.objects.listed().values_list("source_id", flat=True)) == {"v-welder", "v-nurse", "v-trainee"}


def test_the_same_file_twice_changes_nothing(cards):
    trudvsem.run_import(GOOD, "vacancies.json")
    before = list(Vacancy.objects.order_by("pk").values())
    report = trudvsem.run_import(GOOD, "vacancies.json")
    assert report.ok and report.counts["vacancy"] == {"created": 0, "updated": 0, "unchanged": 3, "skipped": 0}
    assert list(Vacancy.objects.order_by("pk").values()) == before


def test_vacancies_gone_from_the_source_are_closed_and_reopen_when_back(cards, client, vacancy_index):
    trudvsem.run_import(GOOD, "vacancies.json")
    report = trudvsem.run_import(document(vacancy("v-welder", "Сварщик ручной дуговой сварки")), "vacancies.json")
    assert report.ok and "Закрыто вакансий, которых больше нет в источнике: 2." in report.notes
    assert list(Vacancy.objects.listed().values_list("source_id", flat=True)) == ["v-welder"]
    nurse = Vacancy.objects.get(source_id="v-nurse")
    assert nurse.closed_at is not None
    response = client.get(f"{vacancy_index.url}{nurse.pk}/")
    assert response.status_code == 410 and "больше не открыта" in response.content.decode()
    trudvsem.run_import(GOOD, "vacancies.json")
    assert Vacancy.objects.listed().count() == 3


def test_a_changed_vacancy_is_updated(cards):
    trudvsem.run_import(GOOD, "vacancies.json")
    changed = document(vacancy("v-welder", "Сварщик ручной дуговой сварки", salary_min=50000))
    report = trudvsem.run_import(changed, "vacancies.json")
    assert report.counts["vacancy"]["updated"] == 1
    assert Vacancy.objects.get(source_id="v-welder").salary_from == 50000


@pytest.mark.parametrize(
    ("content", "message"),
    [
        (b'{"results": {"vacancies": [', "Файл — не корректный JSON (строка 1"),
        (b"\xff\xfe\x00\x01", "не текст в UTF-8"),
        (b'[{"vacancy": {}}]', "Это не открытые данные о вакансиях «Работы России»"),
        ('{"results": {"vacancies": "много"}}'.encode(), "Это не открытые данные о вакансиях «Работы России»"),
        (document({"vakansiya": {}}), "В записи нет объекта «vacancy»."),
        (document(vacancy("v-1", "Сварщик", salary_min="сорок тысяч")), "Ожидалась сумма в рублях"),
        (document(vacancy("v-1", "Сварщик", **{"creation-date": "вчера"})), "Ожидалась дата вида 2026-11-20."),
        (document(vacancy("v-1", "")), "В записи нет значения, а оно обязательно."),
        (document(vacancy("v-1", ["Сварщик"])), "Ожидался текст."),
        (document(vacancy("v-1", "Сварщик", company="ООО Ромашка")), "Ожидался объект."),
        (document(vacancy("v-1", "Сварщик", requirement={"experience": "нет"})), "Ожидалось число лет."),
        (document(vacancy("v-1", "Сварщик"), vacancy("v-1", "Сварщик")), "встречается в файле дважды"),
    ],
)
def test_a_file_in_a_wrong_shape_gives_a_report_and_writes_nothing(cards, content, message):
    trudvsem.run_import(GOOD, "vacancies.json")
    before = list(Vacancy.objects.order_by("pk").values())
    report = trudvsem.run_import(content, "vacancies.json")
    assert not report.ok and not report.written
    assert any(message in problem.message for problem in report.problems), report.problems
    assert list(Vacancy.objects.order_by("pk").values()) == before, "nothing written, nothing closed"


def test_one_bad_record_among_good_ones_stops_the_whole_file(cards):
    content = document(vacancy("v-new", "Сварщик"), vacancy("v-bad", "Слесарь", salary_max=-5))
    report = trudvsem.run_import(content, "vacancies.json")
    assert [(p.row, p.column) for p in report.problems] == [(2, "salary_max")]
    assert not Vacancy.objects.exists()


def test_the_command_imports_a_file_and_reports_a_bad_one(cards, tmp_path, capsys):
    good, bad = tmp_path / "good.json", tmp_path / "bad.json"
    good.write_bytes(GOOD)
    bad.write_bytes(b"not json")
    call_command("import_trudvsem", str(good))
    assert "новых: 3" in capsys.readouterr().out
    with pytest.raises(CommandError, match="Ничего не загружено"):
        call_command("import_trudvsem", str(bad))
    assert "не корректный JSON" in capsys.readouterr().err
    assert Vacancy.objects.count() == 3


def test_the_sample_file_of_the_seed_imports_cleanly(cards):
    report = trudvsem.import_file(SAMPLE)
    assert report.ok, report.problems
    assert report.counts["vacancy"]["created"] >= 10


def test_the_refresh_imports_from_the_url_and_queues_the_next_one_once(cards, settings, tmp_path):
    source = tmp_path / "region27.json"
    source.write_bytes(GOOD)
    settings.TRUDVSEM_URL = source.as_uri()
    assert tasks.waiting().count() == 0
    summary = tasks.refresh_vacancies.call()
    assert "новых: 3" in summary
    assert Vacancy.objects.listed().count() == 3
    queued = list(tasks.waiting())
    assert len(queued) == 1, "the next refresh is queued"
    assert queued[0].run_after > timezone.now() + tasks.REFRESH_EVERY - datetime.timedelta(minutes=5)
    assert tasks.schedule_refresh() is False, "never two waiting at once"
    call_command("import_trudvsem", schedule=True)
    assert tasks.waiting().count() == 1
    tasks.refresh_vacancies.call()  # the same file again: nothing changes, still one refresh waiting
    assert tasks.waiting().count() == 1 and Vacancy.objects.count() == 3


def test_the_refresh_is_off_without_a_url(settings):
    settings.TRUDVSEM_URL = ""
    assert tasks.refresh_vacancies.call() == "off"
    assert tasks.schedule_refresh() is False
    assert not DBTaskResult.objects.filter(task_path=tasks.refresh_vacancies.module_path).exists()


def test_an_unreachable_source_is_logged_and_tried_again_tomorrow(cards, settings, tmp_path):
    settings.TRUDVSEM_URL = (tmp_path / "missing.json").as_uri()
    assert tasks.refresh_vacancies.call().startswith("not fetched")
    assert tasks.waiting().count() == 1
