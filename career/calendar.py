"""The wording of «Что сделать в этом месяце» a new site starts with: for each grade band ("5-7", "8-9", "10-11")
and month (1–12), one to three general steps of the school and admission year, each a (Russian, English) pair,
addressing the student as «вы» like the rest of the portal. Seed data only: a migration writes the Russian steps
(``MonthlyStep``), the seed their English translations; the route reads the snippets, which editors change and
translate in the admin. (The first wording said «ты»: migration 0009 moved built sites' unchanged steps over.)"""

import re

MONTHLY_STEPS = {
    "5-7": {
        1: [
            (
                "Выберите в атласе профессий три профессии, о которых вы ещё ничего не знаете, и прочитайте, чем там "
                "занимаются.",
                "Pick three professions in the atlas of professions that are new to you and read what people in them "
                "actually do.",
            ),
        ],
        2: [
            (
                "Поговорите с кем-нибудь из взрослых в семье о его работе: как проходит рабочий день и что в этой "
                "работе нравится.",
                "Ask an adult in your family about their job: what a working day looks like and what they enjoy about "
                "it.",
            ),
        ],
        3: [
            (
                "Пройдите анкету интересов на портале и посмотрите, какие профессии подходят к вашим интересам.",
                "Take the interest questionnaire on the portal and see which professions match your interests.",
            ),
            (
                "На каникулах сходите с семьёй или классом в музей, на предприятие или в мастерскую, где работают "
                "люди интересной профессии.",
                "During the school holidays, visit a museum, a factory or a workshop with your family or class and "
                "see people at work.",
            ),
        ],
        4: [
            (
                "Узнайте, какие кружки и летние смены будут работать летом, и вместе с родителями выберите, куда "
                "записаться.",
                "Find out which clubs and summer camp sessions will run this summer and choose one with your parents.",
            ),
        ],
        5: [
            (
                "Вспомните, какие уроки и занятия в этом году нравились вам больше всего, и запишите, чем именно.",
                "Think back on which lessons and activities you enjoyed most this year and write down what you liked "
                "about them.",
            ),
        ],
        6: [
            (
                "Попробуйте летом что-то новое для себя: поход, лагерную смену, мастер-класс или незнакомый кружок.",
                "Try something new this summer: a hike, a camp session, a workshop or a club you have never been to.",
            ),
            (
                "Помогите взрослым в настоящем деле — в огороде, в гараже или на кухне — и заметьте, что у вас "
                "получается лучше всего.",
                "Help the adults with a real job — in the vegetable garden, the garage or the kitchen — and notice "
                "what you are best at.",
            ),
        ],
        7: [
            (
                "Присмотритесь к людям на работе вокруг вас — в магазине, на стройке, в поликлинике — и подумайте, "
                "чья работа вам интересна.",
                "Watch people at work around you — in a shop, on a building site, at a clinic — and think about whose "
                "job interests you.",
            ),
            (
                "Найдите в атласе профессий профессию, которая связана с вашим любимым летним занятием.",
                "Find a profession in the atlas of professions that is linked to your favourite summer activity.",
            ),
        ],
        8: [
            (
                "Вместе с родителями выберите кружки и секции на новый учебный год — один из них может быть совсем "
                "новым для вас.",
                "Choose clubs and sports sections for the new school year with your parents — one of them can be "
                "something completely new.",
            ),
        ],
        9: [
            (
                "Запишитесь в кружок или секцию — в школе, в доме творчества или онлайн — и позанимайтесь там хотя бы "
                "до зимы.",
                "Sign up for a club or a sports section — at school, at a youth arts centre or online — and stick "
                "with it at least until winter.",
            ),
            (
                "Спросите учителя, как участвовать в школьном этапе Всероссийской олимпиады школьников по вашему "
                "любимому предмету.",
                "Ask a teacher how to take part in the school round of the All-Russian School Olympiad in your "
                "favourite subject.",
            ),
            (
                "С 6-го класса по четвергам проходят уроки «Россия — мои горизонты»: записывайте профессии, которые "
                "на них вас заинтересовали.",
                "From grade 6, the “Russia — My Horizons” career lessons run on Thursdays: note down the professions "
                "that caught your interest.",
            ),
        ],
        10: [
            (
                "Сходите с классом или семьёй на экскурсию на предприятие или в колледж и задайте работникам свои "
                "вопросы о профессии.",
                "Go on a trip to a company or a college with your class or family and ask the people working there "
                "your own questions.",
            ),
        ],
        11: [
            (
                "Поговорите с учителем любимого предмета о том, в каких профессиях пригодятся эти знания.",
                "Talk to the teacher of your favourite subject about which jobs need what you learn in it.",
            ),
        ],
        12: [
            (
                "Подведите итоги полугодия: какие занятия и кружки вас увлекли, а какие нет, и почему.",
                "Look back on the term: which activities and clubs got you hooked, which did not, and why.",
            ),
            (
                "На зимних каникулах посмотрите с семьёй фильм или передачу о какой-нибудь профессии и обсудите её "
                "вместе.",
                "During the winter holidays, watch a film or a programme about a profession with your family and talk "
                "it over.",
            ),
        ],
    },
    "8-9": {
        1: [
            (
                "Если вы в 9-м классе, окончательно выберите предметы ОГЭ и обсудите их с учителями: заявление нужно "
                "подать до 1 марта.",
                "If you are in grade 9, settle on your OGE subjects (the OGE is the grade 9 state exams) and discuss "
                "them with your teachers: you must register by 1 March.",
            ),
            (
                "Если вы в 8-м классе, узнайте, какие профильные классы есть в школах вашего города и какие предметы "
                "для них важны.",
                "If you are in grade 8, find out which specialised 10th-grade classes the schools in your town offer "
                "and which subjects matter for them.",
            ),
        ],
        2: [
            (
                "Если вы в 9-м классе, подготовьтесь к итоговому собеседованию по русскому языку: оно проходит во "
                "вторую среду февраля.",
                "If you are in grade 9, get ready for the final oral Russian interview on the second Wednesday of "
                "February: passing it is required to sit the OGE (the grade 9 state exams).",
            ),
            (
                "Если вы в 9-м классе, не позже 1 марта подайте заявление на ОГЭ: потом менять предметы можно только "
                "по уважительной причине.",
                "If you are in grade 9, register for the OGE (the grade 9 state exams) by 1 March: after that you can "
                "change subjects only for a valid reason.",
            ),
            (
                "Если вы в 8-м классе, пройдите анкету интересов на портале и сравните результат с тем, что вам "
                "нравится на уроках.",
                "If you are in grade 8, take the interest questionnaire on the portal and compare the result with the "
                "lessons you enjoy.",
            ),
        ],
        3: [
            (
                "Сходите на день открытых дверей в колледж или техникум, который вас интересует, и расспросите "
                "студентов об учёбе и практике.",
                "Go to an open day at a college that interests you and ask the students about their studies and work "
                "placements.",
            ),
            (
                "Если вы в 9-м классе, решите вместе с родителями, куда пойдёте после 9-го: в 10-й класс (и какой "
                "профиль) или в колледж.",
                "If you are in grade 9, decide with your parents where to go next: grade 10 (and which "
                "specialisation) or a college.",
            ),
        ],
        4: [
            (
                "Узнайте в выбранном колледже, нужны ли на вашу специальность вступительные испытания или медицинская "
                "справка.",
                "Check with the college you have chosen whether your programme has entrance tests or requires a "
                "medical certificate.",
            ),
            (
                "В колледж принимают по среднему баллу аттестата, поэтому подтяните оценки по предметам, где ещё "
                "можно их исправить.",
                "Colleges admit students by the average mark on their school certificate, so work on the subjects "
                "where you can still raise your marks.",
            ),
        ],
        5: [
            (
                "Если вы в 9-м классе, спокойно готовьтесь к ОГЭ: основной период экзаменов начинается в конце мая и "
                "идёт в июне.",
                "If you are in grade 9, prepare calmly for the OGE (the grade 9 state exams): the main exam period "
                "starts in late May and runs through June.",
            ),
            (
                "Если вам уже 14, летом можно подработать на лёгкой работе, но в 14 лет нужно согласие родителей и "
                "органа опеки — обсудите это дома.",
                "If you are 14 or older, you can take a light summer job, but at 14 you need the consent of a parent "
                "and of the guardianship authority — talk it over at home.",
            ),
        ],
        6: [
            (
                "Если вы в 9-м классе и выбираете колледж, подайте документы: приём начинается не позднее 20 июня, "
                "подать их можно в несколько колледжей.",
                "If you are in grade 9 and going to college, apply now: admissions open no later than 20 June, and "
                "you can apply to several colleges.",
            ),
            (
                "Если вы остаётесь в школе, узнайте, как идёт набор в профильные 10-е классы, и подайте заявление на "
                "нужный профиль.",
                "If you are staying at school, find out how places in the specialised 10th-grade classes are "
                "allocated and apply for the one you want.",
            ),
            (
                "Если осенью вы пойдёте в 9-й класс, попробуйте летом дело по душе: профильную смену, летнюю школу "
                "или кружок.",
                "If you are going into grade 9 in the autumn, use the summer to try something you like: a themed camp "
                "session, a summer school or a club.",
            ),
        ],
        7: [
            (
                "Если вы поступаете в колледж, следите за рейтинговыми списками на его сайте и не пропустите срок "
                "подачи оригинала аттестата.",
                "If you are applying to college, keep an eye on the ranking lists on its website and do not miss the "
                "deadline for handing in your original certificate.",
            ),
        ],
        8: [
            (
                "Если вы поступаете в колледж на бюджет, помните, что приём заявлений обычно заканчивается 15 августа.",
                "If you are applying for a state-funded college place, remember that applications usually close on 15 "
                "August.",
            ),
            (
                "Перед учебным годом выберите в атласе профессий три–пять профессий, с которыми хотите познакомиться "
                "поближе.",
                "Before the school year starts, pick three to five professions in the atlas of professions that you "
                "want to get to know better.",
            ),
        ],
        9: [
            (
                "Спросите классного руководителя, как стать участником проекта «Билет в будущее» и попробовать себя в "
                "профессиональных пробах.",
                "Ask your form teacher how to join the “Ticket to the Future” project and try out professions in "
                "hands-on job trials.",
            ),
            (
                "На уроках «Россия — мои горизонты» по четвергам отмечайте интересные вам отрасли и потом ищите их в "
                "атласе профессий.",
                "At the Thursday “Russia — My Horizons” career lessons, note the industries that interest you and "
                "then look them up in the atlas of professions.",
            ),
            (
                "Если вы в 9-м классе, составьте план подготовки к ОГЭ: русский язык и математика обязательны, ещё "
                "два предмета — по выбору.",
                "If you are in grade 9, make a study plan for the OGE (the grade 9 state exams): Russian and maths "
                "are compulsory, plus two subjects of your choice.",
            ),
        ],
        10: [
            (
                "Пройдите анкету интересов на портале и обсудите результат с родителями или школьным психологом.",
                "Take the interest questionnaire on the portal and discuss the result with your parents or the school "
                "psychologist.",
            ),
            (
                "Примите участие в школьном этапе Всероссийской олимпиады школьников по предмету, который вам хорошо "
                "даётся.",
                "Take part in the school round of the All-Russian School Olympiad in a subject you are good at.",
            ),
        ],
        11: [
            (
                "Если вы в 9-м классе, определитесь с двумя предметами ОГЭ по выбору, которые пригодятся в профильном "
                "классе или колледже.",
                "If you are in grade 9, choose your two elective OGE subjects (the OGE is the grade 9 state exams) "
                "with your future specialised class or college in mind.",
            ),
            (
                "Найдите в атласе профессий две-три специальности колледжей и посмотрите, какие школьные предметы для "
                "них важнее всего.",
                "Find two or three college programmes in the atlas of professions and see which school subjects "
                "matter most for them.",
            ),
        ],
        12: [
            (
                "Поговорите с человеком интересной вам профессии: спросите, где он учился и что посоветовал бы вам.",
                "Talk to someone who works in a profession you are curious about: ask where they studied and what "
                "they would advise you.",
            ),
            (
                "Если вы в 9-м классе, начните тренироваться к итоговому собеседованию по русскому языку: оно будет в "
                "феврале.",
                "If you are in grade 9, start practising for the final oral Russian interview, which takes place in "
                "February and is required to sit the OGE (the grade 9 state exams).",
            ),
        ],
    },
    "10-11": {
        1: [
            (
                "Если вы в 11-м классе, подайте заявление на ЕГЭ до 1 февраля: потом менять предметы можно только по "
                "уважительной причине.",
                "If you are in grade 11, register for the EGE (the Unified State Exam at the end of grade 11) by 1 "
                "February: after that you can change subjects only for a valid reason.",
            ),
            (
                "Посмотрите проходные баллы прошлых лет на интересных вам направлениях и прикиньте, сколько баллов "
                "вам нужно.",
                "Look up last years' admission cut-off scores for the programmes you are interested in and work out "
                "the score you need.",
            ),
        ],
        2: [
            (
                "Если вы в 11-м классе, решайте пробные варианты ЕГЭ по своим предметам на время и отмечайте темы, "
                "где теряете баллы.",
                "If you are in grade 11, do timed practice papers for your EGE subjects (the Unified State Exam) and "
                "note the topics where you lose points.",
            ),
            (
                "Если вы в 10-м классе, узнайте о летних профильных сменах, летних школах при вузах и практике и "
                "подайте заявку.",
                "If you are in grade 10, find out about themed summer camps, university summer schools and work "
                "placements, and apply.",
            ),
        ],
        3: [
            (
                "Сходите на дни открытых дверей в вузы и колледжи, которые вас интересуют: спросите о практике, "
                "общежитии и работе выпускников.",
                "Go to open days at the universities and colleges that interest you: ask about work placements, "
                "student housing and where graduates work.",
            ),
            (
                "Если вы в 10-м классе, уже сейчас выберите предметы ЕГЭ, чтобы готовиться к ним весь 11-й класс.",
                "If you are in grade 10, choose your EGE subjects (the Unified State Exam at the end of grade 11) "
                "now, so that you can prepare for them all through grade 11.",
            ),
        ],
        4: [
            (
                "Если вы в 11-м классе, проверьте, есть ли на вашем направлении дополнительные вступительные "
                "испытания самого вуза.",
                "If you are in grade 11, check whether your programme has extra entrance tests set by the university "
                "itself, such as creative or fitness tests.",
            ),
            (
                "Соберите документы о своих достижениях — знак ГТО, дипломы олимпиад, подтверждение волонтёрства: они "
                "могут добавить баллы.",
                "Gather proof of your achievements — a GTO fitness badge, olympiad diplomas, records of volunteering: "
                "they can add points when you apply.",
            ),
        ],
        5: [
            (
                "Если вы в 11-м классе, сосредоточьтесь на ЕГЭ: основной период экзаменов начинается в конце мая и "
                "идёт в июне.",
                "If you are in grade 11, focus on the EGE (the Unified State Exam): the main exam period starts in "
                "late May and runs through June.",
            ),
            (
                "Если вы в 10-м классе, договоритесь о летней практике, подработке или смене в лагере, связанной с "
                "интересной вам профессией.",
                "If you are in grade 10, arrange a summer work placement, a summer job or a camp session linked to a "
                "profession you like.",
            ),
        ],
        6: [
            (
                "После 11-го класса подавайте документы в вузы: приём начинается не позднее 20 июня, заявление можно "
                "подать и через Госуслуги.",
                "After grade 11, apply to universities: admissions open no later than 20 June, and you can also apply "
                "online through Gosuslugi, the state services portal.",
            ),
            (
                "Если вы сомневаетесь в баллах, подумайте о запасном варианте — колледже: после 11-го класса туда "
                "принимают по среднему баллу аттестата.",
                "If you are unsure about your scores, consider a college as a back-up: after grade 11 they admit "
                "students by the average mark on their school certificate.",
            ),
            (
                "Если вы в 10-м классе, попробуйте летом профессию на деле: подработка, волонтёрство или летняя школа.",
                "If you are in grade 10, try out a profession this summer: a summer job, volunteering or a summer "
                "school.",
            ),
        ],
        7: [
            (
                "Если вы поступаете в вуз, каждый день смотрите конкурсные списки и вовремя подайте согласие на "
                "зачисление.",
                "If you are applying to university, check the ranking lists every day and submit your consent to "
                "enrolment on time.",
            ),
            (
                "Если вы в 10-м классе, начните понемногу, но регулярно готовиться к ЕГЭ по выбранным предметам.",
                "If you are in grade 10, start preparing for your EGE subjects (the Unified State Exam at the end of "
                "grade 11) a little at a time, but regularly.",
            ),
        ],
        8: [
            (
                "Если в вуз на бюджет пройти не удалось, посмотрите свободные места в колледжах: приём там обычно "
                "идёт до 15 августа.",
                "If you did not get a state-funded university place, look for free places at colleges: they usually "
                "accept applications until 15 August.",
            ),
            (
                "Если вы идёте в 11-й класс, выберите три–пять направлений обучения и посмотрите в атласе профессий, "
                "куда они ведут.",
                "If you are going into grade 11, pick three to five degree programmes and see in the atlas of "
                "professions which jobs they lead to.",
            ),
            (
                "Если вы идёте в 10-й класс, найдите в атласе профессий профессии, которые связаны с вашим профилем.",
                "If you are going into grade 10, find the professions in the atlas of professions that are linked to "
                "your specialisation.",
            ),
        ],
        9: [
            (
                "Если вы в 11-м классе, составьте список вузов и колледжей и проверьте, какие предметы ЕГЭ нужны на "
                "ваше направление.",
                "If you are in grade 11, list the universities and colleges you are aiming for and check which EGE "
                "subjects (the Unified State Exam) your programme requires.",
            ),
            (
                "Примите участие в школьном этапе Всероссийской олимпиады: победители и призёры заключительного этапа "
                "поступают в вузы без экзаменов.",
                "Take part in the school round of the All-Russian School Olympiad: winners and prize-winners of its "
                "final round enter university without entrance exams.",
            ),
            (
                "Спросите классного руководителя, как участвовать в проекте «Билет в будущее» и пройти "
                "профессиональные пробы.",
                "Ask your form teacher how to join the “Ticket to the Future” project and try out professions in "
                "hands-on job trials.",
            ),
        ],
        10: [
            (
                "Если вы в 11-м классе, начните готовиться к итоговому сочинению: оно проходит в первую среду декабря.",
                "If you are in grade 11, start preparing for the final essay, written on the first Wednesday of "
                "December: a pass is required to sit the EGE (the Unified State Exam).",
            ),
            (
                "Если вы в 10-м классе, выберите тему индивидуального проекта, связанную с профессией, которая вам "
                "интересна.",
                "If you are in grade 10, choose a topic for your individual project that is linked to a profession "
                "you are interested in.",
            ),
            (
                "На уроках «Россия — мои горизонты» по четвергам отмечайте отрасли, о которых хотите узнать больше.",
                "At the Thursday “Russia — My Horizons” career lessons, note the industries you want to learn more "
                "about.",
            ),
        ],
        11: [
            (
                "Посмотрите на сайтах вузов правила приёма на следующий год: вступительные испытания и баллы за "
                "индивидуальные достижения.",
                "Read the universities' admission rules for next year on their websites: the entrance tests and the "
                "extra points for individual achievements.",
            ),
            (
                "Если вы в 11-м классе, окончательно решите, какие ЕГЭ будете сдавать: заявление нужно подать до 1 "
                "февраля.",
                "If you are in grade 11, make your final choice of EGE subjects (the Unified State Exam): you must "
                "register by 1 February.",
            ),
        ],
        12: [
            (
                "Если вы в 11-м классе, напишите итоговое сочинение в первую среду декабря: «зачёт» за него — допуск "
                "к ЕГЭ.",
                "If you are in grade 11, write the final essay on the first Wednesday of December: a pass is required "
                "to sit the EGE (the Unified State Exam).",
            ),
            (
                "Если вы в 10-м классе, пройдите анкету интересов на портале и проверьте, совпадает ли результат с "
                "вашим профилем.",
                "If you are in grade 10, take the interest questionnaire on the portal and check whether the result "
                "fits your specialisation.",
            ),
        ],
    },
}


# A step written for one grade of its band («Если вы в 9-м классе, …»): the route shows it to that grade only,
# without the condition, so a student who said they are in grade 9 is not asked whether they are. The first wording
# said «ты» («Если ты в 9-м классе, …»): still understood, for a database whose steps were written in it.
FOR_ONE_GRADE = [
    (re.compile(r"^Если вы в (\d+)-м классе(, | и )(.*)$", re.S), "Если вы "),
    (re.compile(r"^Если ты в (\d+)-м классе(, | и )(.*)$", re.S), "Если "),
    (re.compile(r"^If you are in grade (\d+)(, | and )(.*)$", re.S), "If you are "),
]


def for_one_grade(text):
    """(the grade, the text without its condition) for a step written for one grade, else (None, ``text``)."""
    for pattern, still_conditional in FOR_ONE_GRADE:
        if match := pattern.match(text):
            grade, joint, rest = match.groups()
            return int(grade), (rest[:1].upper() + rest[1:] if joint.startswith(",") else still_conditional + rest)
    return None, text


def split_grades(Step):
    """Every step written for one grade gets that grade, and loses its condition (migration 0008)."""
    for step in Step.objects.filter(grade__isnull=True):
        grade, text = for_one_grade(step.text)
        if grade is not None:
            step.grade, step.text = grade, text
            step.save(update_fields=["grade", "text"])


def ensure_steps(Step, locale):
    """The steps in ``locale`` (the default one), written from ``MONTHLY_STEPS`` where none exist yet."""
    if Step.objects.filter(locale=locale).exists():
        return
    Step.objects.bulk_create(
        Step(locale=locale, grade_band=band, month=month, sort_order=order, text=text)
        for band, months in MONTHLY_STEPS.items()
        for month, steps in months.items()
        for order, (text, _english) in enumerate(steps, start=1)
    )


def ensure_step_translations(steps, locale):
    """The translations of ``steps`` into ``locale`` (English), written from ``MONTHLY_STEPS`` where missing."""
    created = 0
    for step in steps:
        if step.has_translation(locale):
            continue
        translation = step.copy_for_translation(locale)
        original = MONTHLY_STEPS[step.grade_band][step.month][step.sort_order - 1]
        # The original lost its grade condition (split_grades) only if it had one: the English loses it too.
        translation.text = for_one_grade(original[1])[1] if step.grade else original[1]
        translation.save()
        created += 1
    return created
