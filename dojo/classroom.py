"""Classes in the progress database: create, pick exercises, join, close, and the rows a dashboard reads."""

from __future__ import annotations

import time
from dataclasses import dataclass

from sqlalchemy import Connection, and_, func, select
from sqlalchemy.exc import IntegrityError

from dojo import names
from dojo.dashboard import Attempt, Failure, Member
from dojo.schema import class_exercises, class_members, classes, submissions
from dojo.store import StorageError, Store

MAX_MEMBERS = 300  # a class far larger than a room; stops a script from filling the dashboard
MAX_EXERCISES = 40
MAX_CLASSES_PER_OWNER = 200


class ClassroomError(Exception):
    """A class action that cannot be done; the message is meant for the person who tried."""


@dataclass(frozen=True)
class Class:
    """A class: its join code, its owner's id (a hash), name and when it was created and closed."""

    id: int
    code: str
    owner: str
    name: str
    created_at: float
    closed_at: float | None

    @property
    def is_open(self) -> bool:
        """Whether students may still join."""
        return self.closed_at is None


def _class(row) -> Class:
    return Class(row.id, row.code, row.owner, row.name, row.created_at, row.closed_at)


def create_class(store: Store, owner: str, name: str) -> Class:
    """A new open class with a fresh unguessable code; the name is checked and capped."""
    name = names.clean_name(name, names.MAX_CLASS_NAME, "A class name")

    def work(conn: Connection) -> Class:
        owned = conn.execute(select(func.count()).select_from(classes).where(classes.c.owner == owner)).scalar_one()
        if owned >= MAX_CLASSES_PER_OWNER:
            raise ClassroomError(f"You already have {owned} classes; that is the most one teacher can keep.")
        for _ in range(5):  # a collision among 31^8 codes is rare; try a new code rather than fail
            code = names.new_class_code()
            if conn.execute(select(classes.c.id).where(classes.c.code == code)).first() is None:
                break
        else:
            raise ClassroomError("No free class code was found; try again.")
        values = {"code": code, "owner": owner, "name": name, "created_at": time.time(), "closed_at": None}
        new_id = conn.execute(classes.insert().values(**values)).inserted_primary_key[0]
        return Class(new_id, **values)

    return store.run(work, writing=True)


def classes_of(store: Store, owner: str) -> list[Class]:
    """The owner's classes, newest first: a teacher never sees another teacher's classes."""
    query = select(classes).where(classes.c.owner == owner).order_by(classes.c.created_at.desc(), classes.c.id.desc())
    return store.run(lambda conn: [_class(row) for row in conn.execute(query)], writing=False)


def owned_class(store: Store, owner: str, class_id: int) -> Class | None:
    """The class `class_id` when `owner` owns it, else None."""
    query = select(classes).where(classes.c.id == class_id, classes.c.owner == owner)
    row = store.run(lambda conn: conn.execute(query).first(), writing=False)
    return _class(row) if row is not None else None


def class_by_code(store: Store, raw_code: str) -> Class | None:
    """The class a join link names, or None for a malformed or unknown code."""
    code = names.class_code(raw_code)
    if code is None:
        return None
    row = store.run(lambda conn: conn.execute(select(classes).where(classes.c.code == code)).first(), writing=False)
    return _class(row) if row is not None else None


def close_class(store: Store, owner: str, class_id: int) -> None:
    """Close the owner's class: it keeps its members and results, and refuses new joins."""
    statement = (
        classes.update()
        .where(classes.c.id == class_id, classes.c.owner == owner, classes.c.closed_at.is_(None))
        .values(closed_at=time.time())
    )
    store.run(lambda conn: conn.execute(statement), writing=True)


def set_exercises(store: Store, owner: str, class_id: int, slugs: list[str]) -> None:
    """Replace the owner's pick of exercises for the class (in the given order)."""
    slugs = list(dict.fromkeys(slugs))[:MAX_EXERCISES]

    def work(conn: Connection) -> None:
        owned = select(classes.c.id).where(classes.c.id == class_id, classes.c.owner == owner)
        if conn.execute(owned).first() is None:
            raise ClassroomError("That class is not one of yours.")
        conn.execute(class_exercises.delete().where(class_exercises.c.class_id == class_id))
        if slugs:
            rows = [{"class_id": class_id, "slug": slug, "position": n} for n, slug in enumerate(slugs)]
            conn.execute(class_exercises.insert(), rows)

    store.run(work, writing=True)


def exercises(store: Store, class_id: int) -> list[str]:
    """The exercises picked for the class, in the teacher's order."""
    query = (
        select(class_exercises.c.slug)
        .where(class_exercises.c.class_id == class_id)
        .order_by(class_exercises.c.position)
    )
    return store.run(lambda conn: list(conn.execute(query).scalars()), writing=False)


def join(store: Store, klass: Class, profile_id: str, name: str) -> Member:
    """Add the profile to an open class under a checked display name (joining again renames)."""
    name = names.clean_name(name, names.MAX_DISPLAY_NAME, "Your name")

    def work(conn: Connection) -> Member:
        closed = conn.execute(select(classes.c.closed_at).where(classes.c.id == klass.id)).scalar()
        if closed is not None:
            raise ClassroomError("This class is closed and takes no new students.")
        key = and_(class_members.c.class_id == klass.id, class_members.c.profile_id == profile_id)
        existing = conn.execute(select(class_members.c.joined_at).where(key)).first()
        if existing is not None:
            conn.execute(class_members.update().where(key).values(name=name))
            return Member(profile_id, name, existing.joined_at)
        count = select(func.count()).select_from(class_members).where(class_members.c.class_id == klass.id)
        if conn.execute(count).scalar_one() >= MAX_MEMBERS:
            raise ClassroomError(f"This class is full ({MAX_MEMBERS} students).")
        store.ensure_profile_in(conn, profile_id)
        joined_at = time.time()
        row = {"class_id": klass.id, "profile_id": profile_id, "name": name, "joined_at": joined_at}
        conn.execute(class_members.insert().values(**row))
        return Member(profile_id, name, joined_at)

    try:
        return store.run(work, writing=True)
    except StorageError as exc:
        if isinstance(exc.__cause__, IntegrityError):  # the same browser joined twice at once
            found = membership(store, klass.id, profile_id)
            if found is not None:
                return found
        raise


def membership(store: Store, class_id: int, profile_id: str) -> Member | None:
    """The profile's membership of the class, or None."""
    query = select(class_members).where(class_members.c.class_id == class_id, class_members.c.profile_id == profile_id)
    row = store.run(lambda conn: conn.execute(query).first(), writing=False)
    return Member(row.profile_id, row.name, row.joined_at) if row is not None else None


def joined_classes(store: Store, profile_id: str) -> list[Class]:
    """The open classes this profile is a member of, newest first."""
    query = (
        select(classes)
        .join(class_members, class_members.c.class_id == classes.c.id)
        .where(class_members.c.profile_id == profile_id, classes.c.closed_at.is_(None))
        .order_by(classes.c.created_at.desc())
    )
    return store.run(lambda conn: [_class(row) for row in conn.execute(query)], writing=False)


def members(store: Store, class_id: int) -> list[Member]:
    """The class's students in the order they joined."""
    query = (
        select(class_members)
        .where(class_members.c.class_id == class_id)
        .order_by(class_members.c.joined_at, class_members.c.profile_id)
    )
    return store.run(
        lambda conn: [Member(r.profile_id, r.name, r.joined_at) for r in conn.execute(query)], writing=False
    )


def _class_submissions(klass: Class, slugs: list[str]):
    """The class's members' submissions on its exercises since the class was created (a WHERE clause)."""
    return and_(
        class_members.c.class_id == klass.id,
        submissions.c.profile_id == class_members.c.profile_id,
        submissions.c.slug.in_(slugs),
        submissions.c.created_at >= klass.created_at,
    )


def attempts(store: Store, klass: Class, slugs: list[str]) -> list[Attempt]:
    """Every check the class's students ran on its exercises during the class, oldest first."""
    if not slugs:
        return []
    query = (
        select(
            submissions.c.profile_id,
            submissions.c.slug,
            submissions.c.mode,
            submissions.c.status,
            submissions.c.created_at,
        )
        .select_from(submissions.join(class_members, submissions.c.profile_id == class_members.c.profile_id))
        .where(_class_submissions(klass, slugs))
        .order_by(submissions.c.created_at, submissions.c.id)
    )
    return store.run(lambda conn: [Attempt(*row) for row in conn.execute(query)], writing=False)


def failures(store: Store, klass: Class, slugs: list[str]) -> list[Failure]:
    """Each student's latest failed check of each exercise during the class, with its stored verdict."""
    if not slugs:
        return []
    latest = (
        select(func.max(submissions.c.id))
        .select_from(submissions.join(class_members, submissions.c.profile_id == class_members.c.profile_id))
        .where(_class_submissions(klass, slugs), submissions.c.status != "accepted")
        .group_by(submissions.c.profile_id, submissions.c.slug)
    )
    query = select(submissions.c.id, submissions.c.profile_id, submissions.c.slug, submissions.c.verdict_json).where(
        submissions.c.id.in_(latest)
    )
    return store.run(lambda conn: [Failure(*row) for row in conn.execute(query)], writing=False)
