"""Project shell of the portal «Учись и работай в Хабаровском крае».

The folder on disk is ``site/`` (the design card's name) but the Python package is ``portal``:
a top-level package called ``site`` would shadow the standard library's ``site`` module.
``manage.py``, ``wsgi.py`` and the pytest configuration put ``site/`` on ``sys.path``.
"""
