"""The first-party apps' import graph, read from the source (``ast``), not by importing it.

Two rules (README, «Layout»): no import loop between the modules of one app, and no function-local import of a
first-party module in runtime code — a function-local import is how a loop hides. Django's and Wagtail's places
that must import late (``apps.py``'s ``ready()``, ``wagtail_hooks``, management commands, migrations, tests) are
exempt; any other late import is on ``LATE_IMPORTS`` with the reason it must stay.
"""

import ast
from pathlib import Path

import pytest

ROOT = Path(__file__).resolve().parent.parent
APPS = {
    "atlas": ROOT / "atlas",
    "career": ROOT / "career",
    "home": ROOT / "home",
    "methodics": ROOT / "methodics",
    "monitoring": ROOT / "monitoring",
    "navigator": ROOT / "navigator",
    "partners": ROOT / "partners",
    "teachers": ROOT / "teachers",
    "opportunities": ROOT / "opportunities",
    "vacancies": ROOT / "vacancies",
    "resumes": ROOT / "resumes",
    "fairs": ROOT / "fairs",
    "surveys": ROOT / "surveys",
    "reporting": ROOT / "reporting",
    "parents": ROOT / "parents",
    "feedback": ROOT / "feedback",
    "extracurricular": ROOT / "extracurricular",
    "courses": ROOT / "courses",
    "competitions": ROOT / "competitions",
    "search": ROOT / "search",
    "editorial": ROOT / "editorial",
    "portal": ROOT / "site" / "portal",
}
FIRST_PARTY = {*APPS, "conftest", "bench"}

# Where a late import is Django's or Wagtail's way: ``ready()``, hooks loaded once the registry is ready, commands,
# migrations, tests, and settings (which import a helper only when its service is configured).
EXEMPT_NAMES = {"apps.py", "wagtail_hooks.py", "conftest.py"}
EXEMPT_PARTS = {"migrations", "tests", "management", "settings"}

# (module, imported module): why it must be imported inside a function. Keep it short.
LATE_IMPORTS = {
    ("search.backends.database", "search.backends.sqlite"): "each flavour only on its own database: Wagtail's "
    "SQLite backend needs a table only SQLite has",
    ("search.backends.database", "search.backends.postgres"): "each flavour only on its own database",
    ("search.backends.opensearch", "search.indexing"): "the backend is named in settings and stays importable "
    "without the app registry, as Wagtail's own backends are; search.indexing imports search.models",
}

# The shell knows the feature apps only where it mounts their URLs.
SHELL_MAY_IMPORT_FEATURES = {"portal.urls"}


def app_modules(app):
    """{dotted module name: path} of the app's runtime modules (tests and migrations left out)."""
    root = APPS[app]
    modules = {}
    for path in sorted(root.rglob("*.py")):
        parts = path.relative_to(root).with_suffix("").parts
        if {"migrations", "tests"} & set(parts):
            continue
        if parts[-1] == "__init__":
            parts = parts[:-1]
        modules[".".join((app, *parts))] = path
    return modules


def is_package(path):
    return path.name == "__init__.py"


def imported_names(node, module, package):
    """The dotted names an import statement in ``module`` names (``from a import b`` names ``a.b`` and ``a``)."""
    if isinstance(node, ast.Import):
        return [alias.name for alias in node.names]
    if node.level:
        base = (module if package else module.rpartition(".")[0]).split(".")
        base = base[: len(base) - node.level + 1]
        source = ".".join([*base, node.module] if node.module else base)
    else:
        source = node.module
    return [source, *(f"{source}.{alias.name}" for alias in node.names)]


def is_type_checking(node):
    test = getattr(node, "test", None)
    return isinstance(node, ast.If) and (
        (isinstance(test, ast.Name) and test.id == "TYPE_CHECKING")
        or (isinstance(test, ast.Attribute) and test.attr == "TYPE_CHECKING")
    )


def imports(tree):
    """(top-level imports, function-local imports) of a module: top level is what runs when it is imported (module
    and class bodies, ``if``/``try`` blocks, but not ``if TYPE_CHECKING``)."""
    top, late = [], []

    def walk(node, in_function):
        for child in ast.iter_child_nodes(node):
            if is_type_checking(child):
                continue
            if isinstance(child, ast.Import | ast.ImportFrom):
                (late if in_function else top).append(child)
            walk(child, in_function or isinstance(child, ast.FunctionDef | ast.AsyncFunctionDef | ast.Lambda))

    walk(tree, False)
    return top, late


def parse(app):
    """{module: (names it imports at its top level, [(line, module)] of its function-local imports)}; a late
    ``from a import b`` is named after a.b when that is one of the app's modules, else after a."""
    modules = app_modules(app)
    parsed = {}
    for module, path in modules.items():
        top, late = imports(ast.parse(path.read_text(), str(path)))
        package = is_package(path)
        late_names = []
        for node in late:
            source, *names = imported_names(node, module, package)
            late_names.append((node.lineno, next((name for name in names if name in modules), source)))
        parsed[module] = ([name for node in top for name in imported_names(node, module, package)], late_names)
    return parsed


def module_edges(app):
    """{module: set of the app's modules it imports at its top level}."""
    parsed = parse(app)
    return {module: {name for name in top if name in parsed and name != module} for module, (top, _) in parsed.items()}


def cycles(edges):
    """The strongly connected components of more than one module (Tarjan's algorithm), each sorted."""
    index, low, stack, on_stack, found = {}, {}, [], set(), []

    def visit(node):
        index[node] = low[node] = len(index)
        stack.append(node)
        on_stack.add(node)
        for target in sorted(edges.get(node, ())):
            if target not in index:
                visit(target)
                low[node] = min(low[node], low[target])
            elif target in on_stack:
                low[node] = min(low[node], index[target])
        if low[node] == index[node]:
            component = []
            while True:
                member = stack.pop()
                on_stack.discard(member)
                component.append(member)
                if member == node:
                    break
            if len(component) > 1:
                found.append(sorted(component))

    for node in sorted(edges):
        if node not in index:
            visit(node)
    return found


def is_exempt(path):
    return path.name in EXEMPT_NAMES or bool(EXEMPT_PARTS & set(path.parts))


def late_first_party_imports(app):
    """[(module, line, imported module)] of function-local imports of first-party modules in runtime code."""
    modules = app_modules(app)
    return [
        (module, line, name)
        for module, (_, late) in parse(app).items()
        if not is_exempt(modules[module].relative_to(APPS[app]))
        for line, name in late
        if name.split(".")[0] in FIRST_PARTY
    ]


@pytest.mark.parametrize("app", sorted(APPS))
def test_no_import_loop_inside_an_app(app):
    assert cycles(module_edges(app)) == []


@pytest.mark.parametrize("app", sorted(APPS))
def test_no_late_first_party_import_outside_the_allow_list(app):
    late = [
        (module, line, name)
        for module, line, name in late_first_party_imports(app)
        if (module, name) not in LATE_IMPORTS
    ]
    assert late == [], "import at the top of the module, or add it to LATE_IMPORTS with the reason"


def test_the_allow_list_names_only_late_imports_that_exist():
    """An entry outlives its import: the list must shrink with the code."""
    present = {(module, name) for app in APPS for module, _, name in late_first_party_imports(app)}
    assert set(LATE_IMPORTS) <= present


def test_the_shell_imports_no_feature_app():
    features = set(APPS) - {"portal"}
    found = [
        (module, name)
        for module, (top, late) in parse("portal").items()
        if module not in SHELL_MAY_IMPORT_FEATURES
        for name in [*top, *(name for _, name in late)]
        if name.split(".")[0] in features
    ]
    assert found == []


# The apps in layers, as the README's architecture section draws them: an app imports only apps of lower layers.
LAYERS = [
    {"fairs", "surveys", "reporting", "parents", "extracurricular", "courses", "competitions", "feedback", "editorial"},
    {"resumes"},
    {"vacancies"},
    {"opportunities"},
    {"career", "partners", "teachers"},
    {"methodics", "navigator", "monitoring", "home"},
    {"search"},
    {"atlas"},
    {"portal"},
]


def test_apps_import_only_the_layers_below_them():
    layer_of = {app: depth for depth, layer in enumerate(LAYERS) for app in layer}
    assert set(layer_of) == set(APPS)
    upward = [
        (module, name)
        for app in APPS
        if app != "portal"  # the shell's composition root is the test above
        for module, (top, late) in parse(app).items()
        for name in [*top, *(name for _, name in late)]
        if name.split(".")[0] in layer_of
        and layer_of[name.split(".")[0]] <= layer_of[app]
        and name.split(".")[0] != app
    ]
    assert upward == []


def test_the_checker_finds_a_loop_and_a_late_import(tmp_path, monkeypatch):
    """The rules above can fail: a two-module loop and a late import in a throwaway app are found."""
    app = tmp_path / "looped"
    app.mkdir()
    (app / "__init__.py").write_text("")
    (app / "models.py").write_text("from looped import views\n\n\ndef f():\n    from looped.views import g\n")
    (app / "views.py").write_text("from .models import f\n")
    monkeypatch.setitem(APPS, "looped", app)
    monkeypatch.setattr("tests.test_import_graph.FIRST_PARTY", {*FIRST_PARTY, "looped"})
    assert cycles(module_edges("looped")) == [["looped.models", "looped.views"]]
    assert late_first_party_imports("looped") == [("looped.models", 5, "looped.views")]


def test_the_career_route_reads_open_days_from_the_atlas_not_the_navigator():
    """Open days belong to the organisations (atlas): the route, and what it imports, need no navigator."""
    top, late = parse("career")["career.route"]
    assert "atlas.models" in top
    assert [name for name in [*top, *(name for _, name in late)] if name.split(".")[0] == "navigator"] == []


def test_every_app_is_among_the_suites_test_paths():
    """An app left out of pytest.ini's ``testpaths`` has its tests skipped by ``make test`` without a word."""
    import configparser

    config = configparser.ConfigParser()
    config.read(ROOT / "pytest.ini")
    paths = {ROOT / name for name in config["pytest"]["testpaths"].split()}
    assert [app for app, root in APPS.items() if not any(root.is_relative_to(path) for path in paths)] == []
