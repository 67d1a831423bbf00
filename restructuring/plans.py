"""The plan every restructuring prints before it changes anything (a dry run prints only the plan).

Each operation (``merge``, ``rename``, ``reparent``) has a ``plan_*`` function that validates everything and
returns a :class:`Plan` without writing, and an ``apply_*`` function that re-plans and carries the plan out in
one transaction. A bad plan raises :class:`RestructuringError` with a message in Vietnamese and changes
nothing; a plan whose work is already done has no steps (``plan.is_empty``): running it again changes nothing.
"""

from dataclasses import dataclass, field

from django.utils.translation import gettext as _
from django.utils.translation import gettext_noop

# The parts of a plan, in the order they are printed: (key, heading).
SECTIONS = (
    ("units", gettext_noop("Units in the plan")),
    ("pages", gettext_noop("Pages in the plan")),
    ("files", gettext_noop("Images and files in the plan")),
    ("users", gettext_noop("Accounts in the plan")),
    ("hostnames", gettext_noop("Hostnames in the plan")),
    ("redirects", gettext_noop("Redirects in the plan")),
    ("other", gettext_noop("Other records in the plan")),
)


class RestructuringError(Exception):
    """A plan that cannot be carried out; ``str(error)`` is the message for the user (Vietnamese)."""


@dataclass
class Plan:
    operation: str  # "merge", "rename", "reparent"
    title: str  # one line: what the plan does
    lines: dict = field(default_factory=lambda: {key: [] for key, _heading in SECTIONS})
    counts: dict = field(default_factory=dict)  # e.g. {"pages": 412, "files": 37, "redirects": 412}
    data: dict = field(default_factory=dict)  # what apply needs (ids), never printed

    def add(self, section, line):
        self.lines[section].append(line)

    @property
    def is_empty(self):
        return not any(self.lines.values())

    def render(self):
        """The plan as text (commands print it; the admin shows it in a <pre>)."""
        out = [self.title]
        if self.is_empty:
            out.append(_("Nothing to change: this plan has already been carried out."))
            return "\n".join(out)
        for key, heading in SECTIONS:
            lines = self.lines[key]
            if not lines:
                continue
            count = self.counts.get(key)
            out.append(f"\n{_(heading)}" + (f" ({count})" if count is not None else "") + ":")
            out.extend(f"  - {line}" for line in lines)
        return "\n".join(out)
