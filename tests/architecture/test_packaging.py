"""The lock files install what pyproject.toml asks for: `make run` the runtime set only,
`make install`/`make test` the dev extras too, every pin with its hash."""

import re
import tomllib
from pathlib import Path

import pytest
from packaging.requirements import Requirement
from packaging.utils import canonicalize_name

ROOT = Path(__file__).resolve().parents[2]
PROJECT = tomllib.loads((ROOT / "pyproject.toml").read_text())["project"]
PIN = re.compile(r"^([A-Za-z0-9_.\-]+)==(\S+)")


def pins(name):
    """{package: version} of a lock file; fails on a pin without a hash."""
    text = (ROOT / "requirements" / name).read_text()
    found = {}
    for entry in re.split(r"\n(?=[A-Za-z0-9])", text):
        match = PIN.match(entry)
        if match:
            assert "--hash=sha256:" in entry, f"{match.group(1)} has no hash in {name}"
            found[canonicalize_name(match.group(1))] = match.group(2)
    return found


@pytest.mark.parametrize(
    ("lock", "requirements"),
    [
        ("base.txt", PROJECT["dependencies"]),
        ("dev.txt", PROJECT["dependencies"] + PROJECT["optional-dependencies"]["dev"]),
    ],
)
def test_every_dependency_is_pinned_within_its_range(lock, requirements):
    locked = pins(lock)
    for line in requirements:
        requirement = Requirement(line)
        name = canonicalize_name(requirement.name)
        assert name in locked, f"{name} is missing from requirements/{lock}: run make lock"
        assert requirement.specifier.contains(locked[name], prereleases=True), (
            f"{name}=={locked[name]} in requirements/{lock} is outside {requirement.specifier}"
        )


def test_runtime_lock_has_no_dev_tools_and_agrees_with_the_dev_lock():
    base, dev = pins("base.txt"), pins("dev.txt")
    for line in PROJECT["optional-dependencies"]["dev"]:
        assert canonicalize_name(Requirement(line).name) not in base
    assert {name: dev[name] for name in base} == base
