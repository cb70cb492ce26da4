"""``makemessages`` without fuzzy matching: a guessed translation («Раздел» for «Sector») would otherwise
slip into the catalog unnoticed. New strings arrive empty and must be translated by a person."""

from django.core.management.commands import makemessages


class Command(makemessages.Command):
    msgmerge_options = [*makemessages.Command.msgmerge_options, "--no-fuzzy-matching"]
