"""Configuration files: finding them, reading them, checking them against the schema.

A report is checked with the settings of the configuration file closest to it: in its
directory or the nearest one above, ``.gialint.toml``, then ``gialint.toml``, then a
``pyproject.toml`` with a ``[tool.gialint]`` table. ``extend`` names another file to
start from. Every file is validated against ``schema.json`` (shipped for editors too);
an unknown key or a bad value is a :class:`ConfigError` naming the key and the file.
"""

from __future__ import annotations

import functools
import json
import os
from typing import Any

from gialint.analyze.options import EmptyCell, LintOptions
from gialint.base import catalogue as msg
from gialint.base.diagnostic import Severity, Text
from gialint.base.messages import Failure, say
from gialint.config.settings import DEFAULT_SETTINGS, Settings, limits_of, matches

__all__ = [
    "CONFIG_FILES",
    "ConfigError",
    "Resolver",
    "Settings",
    "find_config",
    "from_mapping",
    "load_config",
    "matches",
    "schema",
]

#: The file names looked for in each directory, in order of preference.
CONFIG_FILES = (".gialint.toml", "gialint.toml", "pyproject.toml")


class ConfigError(Failure):
    """A configuration file that cannot be used: one line that names the file and the key, in
    both languages (``str(error)`` the Chinese, ``error.text.get(lang)`` either)."""


@functools.lru_cache(maxsize=1)
def schema() -> dict[str, Any]:
    """The JSON Schema of the configuration (gialint/config/schema.json)."""
    with open(os.path.join(os.path.dirname(__file__), "schema.json"), encoding="utf-8") as file:
        data: dict[str, Any] = json.load(file)
    return data


@functools.lru_cache(maxsize=1)
def _validator() -> Any:
    import fastjsonschema  # only when a configuration file is read

    return fastjsonschema.compile(schema(), use_default=False)


#: What a value breaks of the schema, said in both languages (fastjsonschema says it in English).
SCHEMA_RULES = {
    "type": msg.CONFIG_MUST_BE_TYPE,
    "enum": msg.CONFIG_MUST_BE_ONE_OF,
    "minimum": msg.CONFIG_AT_LEAST,
    "maximum": msg.CONFIG_AT_MOST,
    "exclusiveMinimum": msg.CONFIG_MORE_THAN,
}


def _key(path: list[str]) -> str:
    """``['data', 'select', '1']`` → ``select[1]``."""
    out = ""
    for part in path[1:]:
        out += f"[{part}]" if part.isdigit() else (f".{part}" if out else part)
    return out


def validate(data: dict[str, Any], file: str) -> None:
    """Check ``data`` against the schema; raise ConfigError naming the key and the file."""
    import fastjsonschema

    try:
        _validator()(data)
    except fastjsonschema.JsonSchemaValueException as error:
        key = _key([str(p) for p in error.path])
        if error.rule == "additionalProperties" and isinstance(error.value, dict):
            where = f"{key}: " if key else ""
            known = schema()["properties"] if not key else {}
            unknown = sorted(set(error.value) - set(known)) if known else []
            if unknown:
                raise ConfigError(
                    msg.CONFIG_UNKNOWN_KEY, file=file, where=where, key=unknown[0], known=", ".join(known)
                ) from None
        message: Text | str = error.message.split(" ", 1)[1] if " " in error.message else error.message
        if error.rule in SCHEMA_RULES and isinstance(error.definition, dict) and error.rule in error.definition:
            bound = error.definition[error.rule]
            message = say(SCHEMA_RULES[error.rule], value=bound if isinstance(bound, str) else json.dumps(bound))
        elif error.rule == "pattern":
            message = say(msg.CONFIG_NOT_SELECTOR, value=error.value)
        elif error.rule == "propertyNames":
            message = msg.CONFIG_KEYS_SELECTORS
        raise ConfigError(msg.CONFIG_KEY, file=file, key=key or msg.CONFIG_TOP_LEVEL, error=message) from None


def _table(file: str) -> dict[str, Any] | None:
    """The gialint settings in ``file`` (None for a pyproject.toml without [tool.gialint])."""
    try:
        with open(file, "rb") as handle:
            raw = handle.read(MAX_CONFIG_BYTES + 1)
    except OSError as error:
        raise ConfigError(msg.FILE_UNREADABLE, file=file, error=error.strerror) from None
    if len(raw) > MAX_CONFIG_BYTES:
        raise ConfigError(msg.CONFIG_TOO_LARGE, file=file, kib=MAX_CONFIG_BYTES // 1024)
    text = _text(raw, file)
    if os.path.basename(file) == "pyproject.toml" and "gialint" not in text:
        return None  # another project's file, which has no [tool.gialint]: not parsed, not judged
    import tomllib  # only for a configuration file

    try:
        data = tomllib.loads(text)
    except tomllib.TOMLDecodeError as error:
        raise ConfigError(msg.CONFIG_NOT_TOML, file=file, error=error) from None
    except RecursionError:
        raise ConfigError(msg.CONFIG_TOO_DEEP, file=file) from None
    if os.path.basename(file) == "pyproject.toml":
        tool = data.get("tool", {})
        table = tool.get("gialint") if isinstance(tool, dict) else None
        if table is None:
            return None
        if not isinstance(table, dict):
            raise ConfigError(msg.CONFIG_TOOL_NOT_TABLE, file=file)
        return table
    return data


#: The largest configuration file read, and the longest chain of ``extend``.
MAX_CONFIG_BYTES = 1024 * 1024
MAX_EXTEND = 32


def _text(raw: bytes, file: str) -> str:
    """A configuration file's text: UTF-8 as TOML says, else (a file saved by Notepad or WPS) the
    encoding gialint detects for reports (GB18030, UTF-16); ConfigError in one line otherwise."""
    try:
        return raw.decode("utf-8").removeprefix("\ufeff")
    except UnicodeDecodeError:
        pass
    from gialint.read.source import ReadError, decode

    try:
        return decode(raw).text
    except ReadError as error:
        raise ConfigError(msg.CONFIG_NOT_UTF8, file=file, error=error.text) from None


def _content_file(path: str, file: str) -> str:
    """The absolute path of a ``content`` additions file, read once to check it (ConfigError)."""
    from gialint.formats.model import AdditionsError, read_additions

    path = os.path.abspath(os.path.expanduser(path))
    try:
        read_additions(path)
    except AdditionsError as error:
        raise ConfigError(msg.CONFIG_KEY, file=file, key="content", error=error.text) from None
    return path


def _merge(base: dict[str, Any], top: dict[str, Any]) -> dict[str, Any]:
    merged = {**base, **top}
    if "extend-select" in base and "extend-select" in top:
        merged["extend-select"] = [*base["extend-select"], *top["extend-select"]]
    for key in ("per-file-ignores", "severity", "limits"):
        if key in base and key in top:
            merged[key] = {**base[key], **top[key]}
    merged.pop("extend", None)
    return merged


def _read(file: str, seen: tuple[str, ...] = ()) -> tuple[dict[str, Any], tuple[str, ...]]:
    """The merged settings of ``file`` and what it extends, and the files read (extended first)."""
    file = os.path.abspath(file)
    if file in seen:
        raise ConfigError(msg.CONFIG_EXTEND_CYCLE, file=file, chain=" -> ".join((*seen, file)))
    if len(seen) >= MAX_EXTEND:
        raise ConfigError(msg.CONFIG_EXTEND_DEEP, file=seen[0], most=MAX_EXTEND)
    table = _table(file)
    if table is None:
        raise ConfigError(msg.CONFIG_NO_TABLE, file=file)
    validate(table, file)
    if "content" in table:  # relative to the file that names it, checked now rather than per report
        table["content"] = _content_file(os.path.join(os.path.dirname(file), table["content"]), file)
    if "extend" not in table:
        return table, (file,)
    target = os.path.join(os.path.dirname(file), os.path.expanduser(table["extend"]))
    if not os.path.isfile(target):
        raise ConfigError(msg.CONFIG_EXTEND_MISSING, file=file, target=target)
    base, files = _read(target, (*seen, file))
    return _merge(base, table), (*files, file)


def _check_selectors(data: dict[str, Any], file: str) -> None:
    from gialint.base.selection import SelectionError, check_selector
    from gialint.lint.registry import rule_index

    rules = rule_index().rules
    entries: list[tuple[str, str]] = []
    for key in ("select", "extend-select", "ignore"):
        entries.extend((f"{key}[{i}]", e) for i, e in enumerate(data.get(key, ())))
    for pattern, selectors in data.get("per-file-ignores", {}).items():
        entries.extend((f"per-file-ignores.{pattern}[{i}]", e) for i, e in enumerate(selectors))
    entries.extend((f"severity.{s}", s) for s in data.get("severity", {}))
    for key, entry in entries:
        try:
            check_selector(entry, rules)
        except SelectionError as error:
            raise ConfigError(msg.CONFIG_KEY, file=file, key=key, error=error.text) from None


def load_config(file: str) -> Settings:
    """The settings of one configuration file (and the files it extends)."""
    data, files = _read(file)
    return _settings(data, files)


def from_mapping(data: dict[str, Any], name: str = "<settings>") -> Settings:
    """Settings from configuration keys given in code (``{"empty-cell": "zero"}``), validated as a file's are;
    globs are relative to the working directory. ``extend`` is not allowed here."""
    validate(data, name)
    if "extend" in data:
        raise ConfigError(msg.CONFIG_EXTEND_IN_CODE, file=name)
    if "content" in data:
        data = {**data, "content": _content_file(data["content"], name)}
    return _settings(data, ())


def _settings(data: dict[str, Any], files: tuple[str, ...]) -> Settings:
    _check_selectors(data, files[-1] if files else "<settings>")
    options = LintOptions(
        empty_cell=EmptyCell(data.get("empty-cell", "consistent")),
        year=data.get("year"),
        version=data.get("version"),
        content=data.get("content"),
    )
    return Settings(
        select=tuple(data.get("select", ("ALL",))),
        extend_select=tuple(data.get("extend-select", ())),
        ignore=tuple(data.get("ignore", ())),
        per_file_ignores=tuple((p, tuple(s)) for p, s in data.get("per-file-ignores", {}).items()),
        severity=tuple((s, Severity.parse(v)) for s, v in data.get("severity", {}).items()),
        fail_on=Severity.parse(data.get("fail-on", "error")),
        lang=data.get("lang", "zh"),
        options=options,
        exclude=tuple(data.get("exclude", ())),
        limits=limits_of(data.get("limits", {})),
        root=os.path.dirname(files[-1]) if files else "",
        files=files,
    )


def _config_in(directory: str) -> str | None:
    for name in CONFIG_FILES:
        candidate = os.path.join(directory, name)
        if os.path.isfile(candidate) and (name != "pyproject.toml" or _table(candidate) is not None):
            return candidate
    return None


def find_config(path: str) -> str | None:
    """The configuration file that applies to ``path`` (a file or a directory), or None."""
    full = os.path.abspath(path)
    directory = full if os.path.isdir(full) else os.path.dirname(full)
    while True:
        found = _config_in(directory)
        if found is not None:
            return found
        parent = os.path.dirname(directory)
        if parent == directory:
            return None
        directory = parent


class Resolver:
    """Settings for each report, each configuration file read once.

    ``config``: one file for every report (``--config``); ``isolated``: no files at all.
    """

    def __init__(self, config: str | None = None, isolated: bool = False, overrides: dict[str, Any] | None = None):
        self._overrides = overrides or {}
        # one Settings object for every report where no file decides (its caches then serve all)
        self._fixed: Settings | None = None
        if config is not None:
            self._fixed = self._apply(load_config(config))
        elif isolated:
            self._fixed = self._apply(DEFAULT_SETTINGS)
        self._by_directory: dict[str, Settings] = {}
        self._by_file: dict[str | None, Settings] = {}
        self._by_path: dict[str, Settings] = {}
        self._by_parent: dict[str, Settings] = {}  # by a file's directory, as its name gives it

    def _apply(self, settings: Settings) -> Settings:
        return settings.overridden(**self._overrides)

    def for_path(self, path: str, is_dir: bool | None = None) -> Settings:
        """The settings for a file or directory (``is_dir`` says which, when the caller knows)."""
        if self._fixed is not None:
            return self._fixed
        if is_dir is False:  # a file: its directory's settings, found by the name as given
            # (kept by directory, not by file: a run of any size keeps one entry a directory)
            parent = os.path.dirname(path)
            settings = self._by_parent.get(parent)
            if settings is None:
                settings = self._by_parent[parent] = self.for_path(parent or os.curdir, is_dir=True)
            return settings
        settings = self._by_path.get(path)  # the paths named and the directories walked
        if settings is not None:
            return settings
        full = os.path.abspath(path)
        if is_dir is None:
            is_dir = os.path.isdir(full)
        directory = full if is_dir else os.path.dirname(full)
        settings = self._by_directory.get(directory)
        if settings is None:
            file = find_config(directory)
            settings = self._by_file.get(file)
            if settings is None:
                settings = self._by_file[file] = self._apply(load_config(file) if file else DEFAULT_SETTINGS)
            self._by_directory[directory] = settings
        self._by_path[path] = settings
        return settings
