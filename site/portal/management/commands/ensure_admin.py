import os
import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.contrib.auth.password_validation import validate_password
from django.core.exceptions import ValidationError
from django.core.management.base import BaseCommand, CommandError
from django.utils.translation import gettext as _

from portal.addresses import public_url


class Command(BaseCommand):
    help = (
        "Create the superuser of a local site once and print how to sign in. Credentials come from "
        "ADMIN_USERNAME / ADMIN_PASSWORD, or a password is generated once and kept in var/admin-password.txt. "
        "An account that exists is left as it is: its password and its rights are never changed here."
    )

    def handle(self, *args, **options):
        username = os.environ.get("ADMIN_USERNAME", "admin")
        User = get_user_model()
        if User.objects.filter(username=username).exists():
            # Its password may have been changed since, and its rights taken away: both stay as they are.
            unchanged = _("the account exists; its password and rights are left as they are")
            self.stdout.write(f"Admin: {public_url('/admin/')}  login: {username} ({unchanged})")
            return
        password_file = settings.BASE_DIR / "var" / "admin-password.txt"
        password = os.environ.get("ADMIN_PASSWORD") or self.generated_password(password_file)
        user = User(username=username, email=f"{username}@localhost", is_staff=True, is_superuser=True)
        try:
            validate_password(password, user)
        except ValidationError as error:
            raise CommandError(
                _("The password for %(username)s is refused: %(reasons)s Choose another one in ADMIN_PASSWORD.")
                % {"username": username, "reasons": " ".join(error.messages)}
            ) from error
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {public_url('/admin/')}  login: {username}  password: {password}")
        )

    @staticmethod
    def generated_password(path):
        """The password kept in ``path``, made there on first use; the file is private from its first byte."""
        if path.exists():
            return path.read_text(encoding="utf-8").strip()
        password = secrets.token_urlsafe(12)
        path.parent.mkdir(parents=True, exist_ok=True)
        with os.fdopen(os.open(path, os.O_WRONLY | os.O_CREAT | os.O_EXCL, 0o600), "w", encoding="utf-8") as out:
            out.write(password + "\n")
        return password
