"""The first wording of the interest questionnaire — the project's own, 20 forced-choice pairs on the structure of
Klimov's ДДО: (type, Russian, Russian easy-read, English) per activity. Seed data only: a migration writes the
Russian questions (``QuestionnaireQuestion``), the seed their English translations; the site reads the snippets,
which editors change and translate in the admin."""

ITEMS = [
    (
        (
            "nature",
            "Выращивать мальков лосося на рыбоводном заводе",
            "Растить маленьких рыбок и выпускать их в реку",
            "Raise young salmon at a fish hatchery",
        ),
        (
            "technique",
            "Работать на станке, который вытачивает детали из металла",
            "Делать детали из металла на станке",
            "Run a machine tool that turns metal parts",
        ),
    ),
    (
        (
            "human",
            "Работать вожатым в летнем лагере",
            "Заниматься с детьми в летнем лагере",
            "Work as a counsellor at a summer camp",
        ),
        (
            "sign",
            "Писать код для мобильного приложения",
            "Писать программы для телефона",
            "Write code for a mobile app",
        ),
    ),
    (
        ("art", "Придумывать и рисовать комиксы", "Рисовать истории в картинках", "Create and draw your own comics"),
        (
            "nature",
            "Лечить собак и кошек в ветеринарной клинике",
            "Лечить собак и кошек",
            "Treat dogs and cats at a vet clinic",
        ),
    ),
    (
        (
            "technique",
            "Собирать квадрокоптеры и испытывать их в полёте",
            "Собирать дроны и проверять, как они летают",
            "Build drones and test-fly them",
        ),
        (
            "human",
            "Водить экскурсии для туристов по Хабаровску",
            "Водить туристов по городу и рассказывать о нём",
            "Show tourists around Khabarovsk",
        ),
    ),
    (
        (
            "sign",
            "Переводить деловые письма с китайского языка на русский",
            "Переводить письма с китайского языка",
            "Translate business letters from Chinese into Russian",
        ),
        (
            "art",
            "Снимать и монтировать видеоролики о жизни города",
            "Снимать видео о своём городе",
            "Shoot and edit videos about life in your town",
        ),
    ),
    (
        (
            "nature",
            "Изучать жизнь амурских тигров в заповеднике",
            "Наблюдать за тиграми в лесу",
            "Study Amur tigers in a nature reserve",
        ),
        (
            "human",
            "Ухаживать за пациентами в больнице",
            "Помогать больным людям в больнице",
            "Look after patients in a hospital",
        ),
    ),
    (
        (
            "technique",
            "Собирать самолёты на заводе в Комсомольске-на-Амуре",
            "Собирать самолёты на заводе",
            "Build aircraft at the plant in Komsomolsk-on-Amur",
        ),
        (
            "sign",
            "Защищать компьютерную сеть от хакерских атак",
            "Защищать компьютеры от взлома",
            "Protect a computer network from hackers",
        ),
    ),
    (
        (
            "human",
            "Тренировать детскую футбольную команду",
            "Учить детей играть в футбол",
            "Coach a children's football team",
        ),
        (
            "art",
            "Играть роль в спектакле школьного театра",
            "Играть роль в спектакле",
            "Act in a school theatre production",
        ),
    ),
    (
        (
            "sign",
            "Решать трудные задачи математической олимпиады",
            "Решать трудные задачи по математике",
            "Solve tough maths olympiad problems",
        ),
        (
            "nature",
            "Брать пробы воды из Амура и проверять, чистая ли она",
            "Проверять, чистая ли вода в реке",
            "Take water samples from the Amur and check how clean it is",
        ),
    ),
    (
        (
            "art",
            "Сочинять песни и записывать их в студии",
            "Сочинять песни и петь их",
            "Write songs and record them in a studio",
        ),
        ("technique", "Чинить компьютеры и ноутбуки", "Чинить компьютеры", "Fix computers and laptops"),
    ),
    (
        (
            "technique",
            "Управлять краном, который грузит суда в порту Ванино",
            "Грузить корабли большим краном в порту",
            "Operate a crane loading ships at the port of Vanino",
        ),
        (
            "nature",
            "Сажать молодые деревья на месте лесного пожара",
            "Сажать деревья там, где был пожар в лесу",
            "Plant young trees where the forest has burned",
        ),
    ),
    (
        (
            "sign",
            "Вести учёт доходов и расходов небольшой фирмы",
            "Записывать и считать деньги фирмы",
            "Keep the accounts of a small business",
        ),
        (
            "human",
            "Встречать гостей в гостинице и помогать им устроиться",
            "Встречать гостей в гостинице",
            "Welcome hotel guests and help them settle in",
        ),
    ),
    (
        (
            "nature",
            "Ухаживать за лошадьми и телятами на ферме",
            "Кормить лошадей и телят на ферме",
            "Look after horses and calves on a farm",
        ),
        (
            "art",
            "Вырезать из дерева фигурки с нанайским узором",
            "Вырезать фигурки из дерева",
            "Carve wooden figures decorated with Nanai patterns",
        ),
    ),
    (
        (
            "human",
            "Выслушивать людей и помогать им справиться с трудностями",
            "Слушать людей и помогать им в беде",
            "Listen to people and help them through hard times",
        ),
        (
            "technique",
            "Водить грузовые поезда по Транссибу",
            "Водить большой поезд с грузом",
            "Drive freight trains on the Trans-Siberian Railway",
        ),
    ),
    (
        (
            "art",
            "Придумывать оформление сайта для интернет-магазина",
            "Придумывать, как будет выглядеть сайт",
            "Design the look of an online shop's website",
        ),
        (
            "sign",
            "Составлять карты местности по снимкам со спутника",
            "Делать карты по снимкам из космоса",
            "Make maps of an area from satellite images",
        ),
    ),
    (
        (
            "human",
            "Помогать первоклассникам научиться читать",
            "Учить маленьких детей читать",
            "Help first-graders learn to read",
        ),
        (
            "nature",
            "Выращивать овощи и зелень в теплице",
            "Растить овощи в теплице",
            "Grow vegetables and herbs in a greenhouse",
        ),
    ),
    (
        (
            "sign",
            "Составлять расписание городских автобусов",
            "Составлять расписание для автобусов",
            "Draw up a timetable for the city's buses",
        ),
        (
            "technique",
            "Сваривать стальные конструкции для нового моста",
            "Соединять железные части моста сваркой",
            "Weld steel structures for a new bridge",
        ),
    ),
    (
        (
            "art",
            "Писать рассказы и стихи для литературного журнала",
            "Писать рассказы и стихи",
            "Write stories and poems for a literary magazine",
        ),
        ("human", "Помогать пожилым людям как волонтёр", "Помогать пожилым людям", "Volunteer to help older people"),
    ),
    (
        (
            "nature",
            "Выводить новые сорта ягод, которые не боятся морозов",
            "Растить ягоды, которые не боятся холода",
            "Breed new berry varieties that survive hard frosts",
        ),
        (
            "sign",
            "Расшифровывать старинные рукописи в архиве",
            "Читать старые записи в архиве",
            "Decipher old handwritten documents in an archive",
        ),
    ),
    (
        (
            "technique",
            "Следить за работой двигателей на морском судне",
            "Следить за мотором на корабле",
            "Keep the engines running on a sea-going ship",
        ),
        (
            "art",
            "Придумывать одежду и шить её по своим эскизам",
            "Придумывать и шить одежду",
            "Design clothes and sew them from your own sketches",
        ),
    ),
]


def ensure_questions(Question, locale):
    """The questions in ``locale`` (the default one), written from ``ITEMS`` where their number is missing."""
    for number, ((type_a, text_a, easy_a, _en_a), (type_b, text_b, easy_b, _en_b)) in enumerate(ITEMS, start=1):
        fields = {"type_a": type_a, "text_a": text_a, "easy_a": easy_a}
        fields.update(type_b=type_b, text_b=text_b, easy_b=easy_b)
        Question.objects.get_or_create(locale=locale, number=number, defaults=fields)


def ensure_translations(questions, locale):
    """The translations of ``questions`` into ``locale`` (English), written from ``ITEMS`` where missing; the
    English wording has one version, so it is the easy-read one too."""
    created = 0
    for question in questions:
        if question.has_translation(locale):
            continue
        (_type_a, _ru_a, _easy_a, en_a), (_type_b, _ru_b, _easy_b, en_b) = ITEMS[question.number - 1]
        translation = question.copy_for_translation(locale)
        translation.text_a = translation.easy_a = en_a
        translation.text_b = translation.easy_b = en_b
        translation.save()
        created += 1
    return created
