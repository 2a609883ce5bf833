"""A machine description (``Topology.to_dict()``, as result files carry it) turned into what the
topology picture draws: packages holding the last-level caches, each holding its cores with their
private caches and logical CPUs."""

from __future__ import annotations

from dataclasses import dataclass, field

from PySide6.QtCore import QCoreApplication

from hwviz.base.units import format_size


def tr(text: str) -> str:
    """Translate ``text`` in the topology picture's context."""
    return QCoreApplication.translate("Topology", text)


#: the letter after a cache's level: L1d, L1i, L2 (unified caches have none)
TYPE_SUFFIX = {"Data": "d", "Instruction": "i"}


@dataclass
class Cache:
    """One cache box: its name (``"L1d"``), level and size."""

    name: str
    level: int
    size_bytes: int

    @property
    def label(self) -> str:
        """``"L1d 48 KiB"``."""
        return f"{self.name} {format_size(self.size_bytes)}"


@dataclass
class Core:
    """A core: its logical CPUs (SMT siblings) and its caches, lowest level last (as drawn, top
    to bottom)."""

    cpus: list[int]
    caches: list[Cache] = field(default_factory=list)


@dataclass
class Group:
    """Cores sharing one last-level cache (``llc`` None when the caches are unknown)."""

    llc: Cache | None
    cores: list[Core]


@dataclass
class Package:
    """A package (socket): its label and its last-level-cache groups."""

    label: str
    groups: list[Group]


@dataclass
class Machine:
    """What the picture draws; ``problem`` is set (and nothing else) when it cannot be read."""

    packages: list[Package] = field(default_factory=list)
    problem: str = ""
    note: str = ""

    @property
    def cores(self) -> list[Core]:
        """Every core, in drawing order."""
        return [c for p in self.packages for g in p.groups for c in g.cores]


def _as_dict(machine) -> dict | None:
    if machine is None:
        return None
    if isinstance(machine, dict):
        return machine
    to_dict = getattr(machine, "to_dict", None)
    return to_dict() if callable(to_dict) else None


def _caches(d: dict) -> list[tuple[str, int, int, list[int]]]:
    """``(name, level, size, shared_cpus)`` of each cache entry the description lists."""
    out = []
    for c in d.get("caches") or []:
        level, size = int(c["level"]), int(c["size_bytes"])
        name = f"L{level}{TYPE_SUFFIX.get(str(c.get('type')), '')}"
        out.append((name, level, size, [int(x) for x in c.get("shared_cpus") or []]))
    return out


def read_machine(machine) -> Machine:
    """The picture of ``machine`` (a ``Topology`` or its dict); a description that cannot be
    read gives a :class:`Machine` whose ``problem`` says why, in one sentence."""
    d = _as_dict(machine)
    if not d:
        return Machine(problem=tr("Cannot read the topology: no machine description."))
    try:
        return _read(d)
    except (KeyError, TypeError, ValueError) as e:
        return Machine(problem=tr("Cannot read the topology: the machine description is damaged "
                                  "({what}).").format(what=str(e)[:80]))


def _read(d: dict) -> Machine:
    siblings = [sorted(int(x) for x in s) for s in d.get("smt_siblings") or [] if s]
    if not siblings:
        return Machine(problem=tr("Cannot read the topology: the description lists no cores."))
    core_of = {cpu: k for k, s in enumerate(siblings) for cpu in s}
    entries = _caches(d)
    # a cache is private when each of its entries serves the CPUs of one core only
    kinds: dict[str, list] = {}
    for e in entries:
        kinds.setdefault(e[0], []).append(e)
    private, shared = [], []
    for name, es in kinds.items():
        one_core = all(len({core_of.get(c, -1 - c) for c in e[3]}) <= 1 for e in es)
        (private if one_core else shared).append(name)
    llc_name = max(shared, key=lambda n: kinds[n][0][1], default=None)
    cores = []
    for s in siblings:
        own = []
        for name in sorted(set(kinds) - {llc_name}, key=lambda n: (-kinds[n][0][1], n)):
            e = next((e for e in kinds[name] if s[0] in e[3]), kinds[name][0])
            own.append(Cache(name, e[1], e[2]))
        cores.append(Core(s, own))
    groups = _groups(cores, kinds.get(llc_name, []))
    packages = _packages(groups, int(d.get("packages") or 1))
    source = str(d.get("source") or "")
    note = source if source.startswith("fallback") else ""
    if not entries:
        note = note or tr("The cache sizes are not known on this system.")
    return Machine(packages=packages, note=note)


def _groups(cores: list[Core], llc_entries: list) -> list[Group]:
    """Cores grouped by the last-level cache they share. A description that lists the cache for
    some cores only (one entry for the whole machine) gets one group holding every core."""
    if not llc_entries:
        return [Group(None, cores)]
    groups = []
    for name, level, size, shared in sorted(llc_entries, key=lambda e: min(e[3] or [0])):
        members = [c for c in cores if c.cpus[0] in shared]
        if members:
            groups.append(Group(Cache(name, level, size), members))
    if sum(len(g.cores) for g in groups) != len(cores):
        name, level, size, _ = llc_entries[0]
        return [Group(Cache(name, level, size), cores)]
    return groups


def _packages(groups: list[Group], n: int) -> list[Package]:
    """The groups dealt to ``n`` packages in order, when they divide evenly; else one box that
    says how many packages it stands for."""
    if n > 1 and len(groups) % n == 0:
        k = len(groups) // n
        return [Package(tr("Package {i}").format(i=i), groups[i * k:(i + 1) * k]) for i in range(n)]
    label = tr("Package") if n <= 1 else tr("{n} packages").format(n=n)
    return [Package(label, groups)]
