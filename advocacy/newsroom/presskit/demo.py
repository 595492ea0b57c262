"""The demo's press kit: built at once (not left to a worker), after every step that
publishes what it holds, so /press/ offers the zip as soon as the demo is loaded."""

from .builder import build_all

# After the press page (450) and the countries (400).
DEMO_ORDER = 510


def build_step(demo):
    """The ``build_demo_content`` step: every public press page's zip."""
    return build_all()
