"""The words that guide a person through the résumé: a hint for each part of the form in plain words and in easy-read
words (short sentences, one thought each), and what is still missing — hints, never a score."""

from django.utils.translation import gettext_lazy as _

HINTS = {
    "aim": (
        _(
            "Tick up to five professions of the atlas you want to work in, and say in your own words what job you are "
            "looking for if it is more exact. Employers search by profession and district."
        ),
        _("What work do you want? Tick it in the list. You can tick up to five. Where do you want to work?"),
    ),
    "education": (
        _(
            "Your college or university and specialty, with the year you finished or will finish. Still studying? Give "
            "the year you will graduate. To add another place of study, save: a new empty row appears."
        ),
        _("Where do you study? Choose your college. Choose your specialty. Write the year you finish."),
    ),
    "experience": (
        _(
            "No work yet? That is usual. Practice placements, professional trials, competitions, Abilympics and "
            "«Professionals» results, clubs, volunteering and projects all count: say what you did and what you "
            "learnt."
        ),
        _(
            "Did you have practice? Did you take part in a competition? Did you go to a club? Write it here. This is "
            "your experience too."
        ),
    ),
    "skills": (
        _(
            "What you can do, one skill a line: «I read drawings», «I work in 1C», «I talk politely with customers». "
            "The atlas cards you chose suggest skills: tick the ones you have and save."
        ),
        _("What can you do? Write one skill on each line. You can tick skills from the list."),
    ),
    "support": (
        _(
            "If you need support at work (a workplace adapted to a wheelchair, a sign-language interpreter, a mentor, "
            "shorter days), say so. It is optional; employers see it only if you tick the box."
        ),
        _("Do you need help at work? You can write it. You decide if employers see it."),
    ),
    "contacts": (
        _(
            "How an employer reaches you. Leave «show my contacts» unticked and employers see them only after you "
            "accept their invitation."
        ),
        _("Write your phone or e-mail. Employers see it only when you say yes to them."),
    ),
    "visibility": (
        _(
            "Only employers whose accounts the portal has checked can find the résumé, and only while you tick this "
            "box and your consent is in force. You see every employer who opened it."
        ),
        _("Tick the box. Then checked employers can find your résumé. You see who looked."),
    ),
}


def hints(version):
    """The hint of each part of the form in ``version`` ("plain" or "easy")."""
    column = 1 if version == "easy" else 0
    return {part: pair[column] for part, pair in HINTS.items()}


def missing(resume, education, experience):
    """What the résumé still lacks that employers look for, as hints; an empty list when nothing does. ``education``
    and ``experience`` are the saved rows (lists), passed so the cabinet asks no more queries."""
    if resume is None or resume.pk is None:
        return [_("You have not written a résumé yet.")]
    gaps = []
    if not resume.professions.exists() and not resume.position:
        gaps.append(_("Say what work you want: employers search by profession."))
    if resume.district_id is None:
        gaps.append(_("Choose the district where you want to work."))
    if not education:
        gaps.append(_("Add your college or university and specialty."))
    if not experience:
        gaps.append(_("Add a practice placement, a trial, a competition or a club: it counts as experience."))
    if not resume.skills_list:
        gaps.append(_("List a few skills."))
    if not (resume.phone or resume.contact_email):
        gaps.append(_("Give a phone or an e-mail for employers."))
    if not resume.visible:
        gaps.append(_("The résumé is hidden: tick «show the résumé to verified employers» when it is ready."))
    return gaps
