"""veraPDF, the PDF Association's reference validator, over the portal's PDFs (PDF/UA-1, ISO 14289-1).

``.ci/verapdf/fetch.sh`` fetches it from Maven Central and writes a launcher; the ``VERAPDF`` environment variable
(or setting) names that launcher. One call of ``validate`` starts one JVM for any number of files: the start costs
more than most documents' validation.
"""

import os
import shutil
import subprocess
import xml.etree.ElementTree as ET
from dataclasses import dataclass, field

from django.conf import settings


class Unavailable(Exception):
    """veraPDF or Java is missing: the message says which and how to fetch it."""


class Failed(Exception):
    """veraPDF ran but gave no report (its output is in the message)."""


@dataclass(frozen=True)
class Rule:
    clause: str
    test_number: str
    description: str
    failed_checks: int
    messages: tuple = ()

    @property
    def number(self):
        """The rule's number as veraPDF's documentation names it, e.g. «7.4.2-1»."""
        return f"{self.clause}-{self.test_number}"

    def __str__(self):
        detail = f" ({'; '.join(self.messages)})" if self.messages else ""
        return f"{self.number}: {self.description}{detail} [{self.failed_checks}×]"


@dataclass
class Result:
    path: str
    compliant: bool
    rules: list = field(default_factory=list)
    error: str = ""  # veraPDF could not validate the file (not a PDF, encrypted, its own exception)

    def summary(self):
        if self.error:
            return self.error
        return "\n".join(str(rule) for rule in self.rules)

    def as_json(self):
        return {
            "compliant": self.compliant,
            "error": self.error,
            "rules": [
                {
                    "rule": r.number,
                    "description": r.description,
                    "checks": r.failed_checks,
                    "messages": list(r.messages),
                }
                for r in self.rules
            ],
        }


def launcher():
    """The veraPDF launcher named by ``VERAPDF`` (environment, else setting), checked to run; raises Unavailable."""
    path = os.environ.get("VERAPDF") or getattr(settings, "VERAPDF", "")
    if not path:
        raise Unavailable('veraPDF not configured: set VERAPDF (export "$(bash .ci/verapdf/fetch.sh | tail -n 1)")')
    if not (os.path.isfile(path) and os.access(path, os.X_OK)):
        raise Unavailable(f"VERAPDF={path} is not an executable file (run bash .ci/verapdf/fetch.sh)")
    if not (os.environ.get("VERAPDF_JAVA") or os.environ.get("JAVA_HOME") or shutil.which("java")):
        raise Unavailable("no Java to run veraPDF (install a JDK 17, or set VERAPDF_JAVA or JAVA_HOME)")
    return path


def validate(paths, *, timeout=900):
    """{path: Result} for ``paths``, validated against PDF/UA-1 in one veraPDF run."""
    paths = [str(p) for p in paths]
    if not paths:
        return {}
    command = [launcher(), "--flavour", "ua1", "--format", "xml", "--maxfailuresdisplayed", "3", *paths]
    try:
        # The launcher named by the deployment, and paths the caller made or read from the documents library.
        done = subprocess.run(command, capture_output=True, timeout=timeout, check=False)  # noqa: S603
    except OSError as error:
        raise Unavailable(f"veraPDF could not start: {error}") from error
    except subprocess.TimeoutExpired as error:
        raise Failed(f"veraPDF did not finish in {timeout} s") from error
    # veraPDF exits 1 when a file is not compliant; other codes without a report are its own failures.
    start = done.stdout.find(b"<?xml")
    if start < 0:
        if done.returncode == 127 or b"no java" in done.stderr:
            raise Unavailable(done.stderr.decode(errors="replace").strip() or "veraPDF could not start")
        raise Failed(
            f"veraPDF exited {done.returncode} without a report: {done.stderr.decode(errors='replace')[-2000:]}"
        )
    return parse(done.stdout[start:], paths)


def parse(xml, paths=()):
    """{path: Result} from veraPDF's XML report; a path of ``paths`` the report does not name is an error."""
    results = {}
    for job in ET.fromstring(xml).iter("job"):  # noqa: S314 (veraPDF's own report, not a visitor's file)
        name = job.findtext("item/name", default="")
        report = job.find("validationReport")
        if report is None or report.get("jobEndStatus", "normal") != "normal":
            problem = job.findtext("taskException/exceptionMessage") or job.findtext("taskResult/exceptionMessage")
            results[name] = Result(name, False, error=f"veraPDF could not validate the file: {problem or 'no report'}")
            continue
        rules = [
            Rule(
                clause=rule.get("clause", ""),
                test_number=rule.get("testNumber", ""),
                description=" ".join((rule.findtext("description") or "").split()),
                failed_checks=int(rule.get("failedChecks") or 0),
                messages=tuple(dict.fromkeys(m.text.strip() for m in rule.iter("errorMessage") if m.text)),
            )
            for rule in report.iter("rule")
            if rule.get("status") == "failed"
        ]
        results[name] = Result(name, report.get("isCompliant") == "true" and not rules, rules)
    for path in paths:
        results.setdefault(path, Result(path, False, error="veraPDF's report does not name the file"))
    return results
