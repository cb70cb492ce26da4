"""Class sessions are for teachers and school psychologists: a short code for the students, and the anonymous
picture of the class behind a secret link (no account: whoever holds the link is the teacher). The teacher's key
never travels in a URL a server sees: the private link is ``…/klass/otkryt/#CODE.KEY``, and browsers send nothing
after «#» — no access log, proxy log, history sync or Referer header gets it. On that page
``career/class-link.js`` puts the code and the key into the form and posts them; without JavaScript the teacher
types them. The picture and its downloads answer that POST."""

from django.http import HttpResponseRedirect
from django.utils.translation import gettext
from wagtail.contrib.routable_page.models import path

from portal import limits
from portal.addresses import public_url
from portal.spreadsheets import table_response

from ..classes import class_picture, class_rows, fragment
from ..forms import ClassKeyForm
from .routing import limited, personal
from .sessions import ClassSession


class ClassSessionRoutes:
    """Routes of ``CareerBuilderPage`` for class sessions (a mixin: it uses the page's ``render``, ``problem`` and
    ``step_url``)."""

    @path("klass/", name="class_new")
    @limited("career-session", block=False)  # settings.RATE_LIMITS: sessions one address may create
    def class_new(self, request):
        if request.method != "POST":
            return self.render(request, template="career/class_new.html")
        if request.limited:
            return self.problem(
                request,
                gettext(
                    "Too many class sessions were created from your address in the last hour. Use one of the codes "
                    "you already have, or try again in an hour."
                ),
                action_url=self.step_url("class_new"),
                action_label=gettext("Back to class sessions"),
                status=429,
            )
        session = ClassSession.create()
        return HttpResponseRedirect(self.step_url("class_open") + fragment(session))

    # The teacher's key comes in a POST only, never in a URL (see the module's docstring).
    @path("klass/otkryt/", name="class_open")
    @personal
    def class_open(self, request):
        """GET: the form for the code and the key, which class-link.js fills from the link and sends. POST: the
        class picture, its data with «fmt», or one answer for every code and key that do not open a session."""
        template = "career/class_open.html"
        if request.method != "POST":
            return self.render(
                request, template=template, context_overrides={"form": ClassKeyForm(), "from_link": True}
            )
        # Wrong codes and keys count as the students' wrong codes do (settings.RATE_LIMITS["career-code"]).
        if limits.exceeded(request, "career-code"):
            raise limits.Ratelimited
        form = ClassKeyForm(request.POST)
        session = form.session() if form.is_valid() else None
        if session is None:
            limits.exceeded(request, "career-code", count=True)
            # The same answer and status for a code that never existed, a closed one and a wrong key.
            response = self.render(request, template=template, context_overrides={"form": form})
            response.status_code = 404
            return response
        fmt = request.POST.get("fmt")
        if fmt is None:
            context = {
                "session": session,
                "picture": class_picture(session),
                "student_url": public_url(self, request) + f"?k={session.code}",
                "teacher_url": public_url(self.step_url("class_open")) + fragment(session),
                "formats": ["csv", "xlsx"],
            }
            return self.render(request, template="career/class_picture.html", context_overrides=context)
        if fmt not in ("csv", "xlsx"):
            return self.problem(
                request,
                gettext("Choose CSV or XLSX."),
                action_url=self.step_url("class_open"),
                action_label=gettext("Back to the class picture"),
                status=404,
            )
        rows = class_rows(class_picture(session))
        return table_response(rows, fmt, f"klass-{session.code}.{fmt}", sheet_title=session.code)
