"""Placeholders → SBWP positional ``$n`` (spec 8.1). Accepted styles: named ``:name`` (and
``%(name)s``) with a mapping; qmark ``?`` (and ``%s``, native ``$n``) with a sequence. Quotes,
double-quoted identifiers, comments, dollar quotes and ``::`` casts are never taken for markers."""
import re

from . import errors

_NAME = re.compile(r"[A-Za-z_][A-Za-z0-9_]*")


def convert(sql, params):
    """Returns (sql with $n markers, ordered values)."""
    named = isinstance(params, dict)
    if params is not None and not named and isinstance(params, (str, bytes)):
        raise errors.ProgrammingError("parameters must be a sequence or a mapping, not %s" % type(params).__name__, "07001")
    out, order, positional, native = [], [], 0, False
    i, n = 0, len(sql)
    while i < n:
        c = sql[i]
        if c in "'\"":
            j = i + 1
            while j < n:
                if sql[j] == c:
                    if j + 1 < n and sql[j + 1] == c:
                        j += 2
                        continue
                    break
                j += 1
            out.append(sql[i:j + 1])
            i = j + 1
        elif sql.startswith("--", i):
            j = sql.find("\n", i)
            j = n if j < 0 else j
            out.append(sql[i:j])
            i = j
        elif sql.startswith("/*", i):
            depth, j = 1, i + 2
            while j < n and depth:
                if sql.startswith("/*", j):
                    depth, j = depth + 1, j + 2
                elif sql.startswith("*/", j):
                    depth, j = depth - 1, j + 2
                else:
                    j += 1
            out.append(sql[i:j])
            i = j
        elif c == "$" and re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", sql[i:]):
            tag = re.match(r"\$([A-Za-z_][A-Za-z0-9_]*)?\$", sql[i:]).group(0)
            j = sql.find(tag, i + len(tag))
            j = n if j < 0 else j + len(tag)
            out.append(sql[i:j])
            i = j
        elif c == "$" and i + 1 < n and sql[i + 1].isdigit():
            m = re.match(r"\$(\d+)", sql[i:])
            native = True
            out.append(m.group(0))
            i += len(m.group(0))
        elif c == ":" and sql.startswith("::", i):
            out.append("::")
            i += 2
        elif c == ":" and _NAME.match(sql, i + 1) and (i == 0 or not (sql[i - 1].isalnum() or sql[i - 1] == "_")):
            name = _NAME.match(sql, i + 1).group(0)
            out.append(_named(name, order, named, params))
            i += 1 + len(name)
        elif c == "%" and sql.startswith("%(", i):
            m = re.match(r"%\(([^)]+)\)s", sql[i:])
            if not m:
                raise errors.ProgrammingError("bad pyformat placeholder at offset %d" % i, "42601")
            out.append(_named(m.group(1), order, named, params))
            i += len(m.group(0))
        elif c == "%" and sql.startswith("%%", i):
            out.append("%")
            i += 2
        elif c == "?" or (c == "%" and sql.startswith("%s", i)):
            if named:
                raise errors.ProgrammingError("positional placeholder with a mapping of parameters", "07001")
            positional += 1
            out.append("$%d" % positional)
            i += 1 if c == "?" else 2
        else:
            out.append(c)
            i += 1
    if named:
        if not order:
            raise errors.ProgrammingError("named parameters provided but the statement has no :name placeholders", "07001")
        return "".join(out), [params[k] for k in order]
    values = list(params) if params is not None else []
    if order:
        raise errors.ProgrammingError("named placeholders need a mapping of parameters", "07001")
    count = positional if positional else (max([int(x) for x in re.findall(r"\$(\d+)", "".join(out))] or [0]) if native else 0)
    if count != len(values):
        raise errors.ProgrammingError("the statement has %d placeholder(s) but %d parameter(s) were given"
                                      % (count, len(values)), "07001")
    return "".join(out), values


def _named(name, order, named, params):
    if not named:
        raise errors.ProgrammingError("named placeholder :%s needs a mapping of parameters" % name, "07001")
    if name not in params:
        raise errors.ProgrammingError("missing named parameter %r" % name, "07001")
    if name not in order:
        order.append(name)
    return "$%d" % (order.index(name) + 1)
