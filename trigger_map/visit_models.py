"""The visits database: tables as SQLAlchemy 2 models (the migrations in trigger_map/migrations
create them; `python -m trigger_map db upgrade`).

A client is known only by a pseudonymous code chosen by the therapist (no name or contact details),
unique per owner: the therapist's login id, or None on a single-user laptop. Every visit belongs to
one client; its areas, symptoms and treated trigger points belong to the visit and go with it.
"""

from __future__ import annotations

from datetime import date, datetime

from sqlalchemy import (
    CheckConstraint,
    Date,
    DateTime,
    ForeignKey,
    Index,
    Integer,
    MetaData,
    String,
    Text,
    func,
)
from sqlalchemy.orm import DeclarativeBase, Mapped, mapped_column, relationship

# Constraint names fixed here so every database and migration agrees on them.
NAMING = {
    "ix": "ix_%(column_0_label)s",
    "uq": "uq_%(table_name)s_%(column_0_name)s",
    "ck": "ck_%(table_name)s_%(constraint_name)s",
    "fk": "fk_%(table_name)s_%(column_0_name)s_%(referred_table_name)s",
    "pk": "pk_%(table_name)s",
}
CODE_LENGTH = 40
NOTE_LENGTH = 2000


class Base(DeclarativeBase):
    metadata = MetaData(naming_convention=NAMING)


class Client(Base):
    __tablename__ = "client"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    code: Mapped[str] = mapped_column(String(CODE_LENGTH))
    owner: Mapped[str | None] = mapped_column(String(255), nullable=True)
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    visits: Mapped[list[Visit]] = relationship(
        back_populates="client", cascade="all, delete-orphan", passive_deletes=True, order_by="Visit.id"
    )

    # One code per owner; the single-user owner (None) counts as one owner too, which a plain unique
    # constraint would not do (NULLs never clash), hence the expression.
    __table_args__ = (Index("uq_client_owner_code", func.coalesce(owner, ""), code, unique=True),)


class Visit(Base):
    __tablename__ = "visit"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    client_id: Mapped[int] = mapped_column(ForeignKey("client.id", ondelete="CASCADE"), index=True)
    visit_date: Mapped[date] = mapped_column(Date)
    note: Mapped[str] = mapped_column(Text, default="")
    condition: Mapped[str | None] = mapped_column(String(80), nullable=True)
    symptoms: Mapped[str] = mapped_column(Text, default="")  # symptom ids, ';'-separated, as in data/
    created_at: Mapped[datetime] = mapped_column(DateTime(timezone=True), server_default=func.now())
    client: Mapped[Client] = relationship(back_populates="visits")
    areas: Mapped[list[VisitArea]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="VisitArea.id"
    )
    treated: Mapped[list[TreatedTriggerPoint]] = relationship(
        cascade="all, delete-orphan", passive_deletes=True, order_by="TreatedTriggerPoint.id"
    )


class VisitArea(Base):
    __tablename__ = "visit_area"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    region: Mapped[str] = mapped_column(String(80))
    severity: Mapped[int] = mapped_column(Integer)

    __table_args__ = (CheckConstraint("severity BETWEEN 0 AND 10", name="severity_0_10"),)


class TreatedTriggerPoint(Base):
    __tablename__ = "treated_trigger_point"

    id: Mapped[int] = mapped_column(Integer, primary_key=True)
    visit_id: Mapped[int] = mapped_column(ForeignKey("visit.id", ondelete="CASCADE"), index=True)
    trigger_point: Mapped[str] = mapped_column(String(120))  # "<trigger point id>@<side>", as the map's key
