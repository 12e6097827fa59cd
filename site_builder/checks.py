"""The content as every command sees it: validation plus the checks output stages add.

Validation (content/) imports no output stage. A stage with rules beyond the content's own
(radio: a programme must fit its air time) hands its check in here, so `check`, `build`,
`status` and the web editor's gate report the same problems.
"""

from __future__ import annotations

from pathlib import Path

from .cache.memory import Memory
from .content import publish, validate
from .content.model import Content
from .content.reading import READERS
from .core.errors import ContentError, has_errors
from .radio.script import check_all as radio_checks

STAGE_CHECKS: tuple[validate.Check, ...] = (radio_checks,)


def load_content(
    project: Path, processes: int = 1, memory: Memory | None = None
) -> tuple[Content, list[ContentError]]:
    """Return the content model and every problem any stage finds in content/."""
    return validate.load_content(project, processes, STAGE_CHECKS, memory)


def publish_gate(project: Path, memory: Memory | None = None) -> list[ContentError]:
    """Return every problem of the content and of the publish gate if any is an error, else [].

    Run before a build for the public writes anything; the build then reads the content
    again from `memory`, and reports its warnings itself.
    """
    content, problems = load_content(project, READERS, memory)
    problems = sorted(problems + publish.refusals(content))
    return problems if has_errors(problems) else []
