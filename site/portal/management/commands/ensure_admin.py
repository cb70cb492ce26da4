import secrets

from django.conf import settings
from django.contrib.auth import get_user_model
from django.core.management.base import BaseCommand

from portal.addresses import public_url


class Command(BaseCommand):
    help = (
        "Make sure a superuser exists for the local site and print how to sign in. Credentials come from "
        "ADMIN_USERNAME / ADMIN_PASSWORD, or a password is generated once and kept in var/admin-password.txt."
    )

    def handle(self, *args, **options):
        from os import environ

        username = environ.get("ADMIN_USERNAME", "admin")
        password = environ.get("ADMIN_PASSWORD")
        password_file = settings.BASE_DIR / "var" / "admin-password.txt"
        if not password:
            if password_file.exists():
                password = password_file.read_text(encoding="utf-8").strip()
            else:
                password = secrets.token_urlsafe(12)
                password_file.parent.mkdir(parents=True, exist_ok=True)
                password_file.write_text(password + "\n", encoding="utf-8")
                password_file.chmod(0o600)
        User = get_user_model()
        user = User.objects.filter(username=username).first() or User(username=username, email=f"{username}@localhost")
        user.is_staff = user.is_superuser = user.is_active = True
        user.set_password(password)
        user.save()
        self.stdout.write(
            self.style.SUCCESS(f"Admin: {public_url('/admin/')}  login: {username}  password: {password}")
        )
