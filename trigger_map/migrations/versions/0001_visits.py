"""Visits: clients (pseudonymous codes, per owner), visits, their areas and treated trigger points.

Revision ID: 0001
Revises:
"""

import sqlalchemy as sa
from alembic import op

revision = "0001"
down_revision = None
branch_labels = None
depends_on = None


def upgrade() -> None:
    op.create_table(
        "client",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("code", sa.String(length=40), nullable=False),
        sa.Column("owner", sa.String(length=255), nullable=True),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.PrimaryKeyConstraint("id", name="pk_client"),
    )
    op.create_index("uq_client_owner_code", "client", [sa.text("coalesce(owner, '')"), "code"], unique=True)
    op.create_table(
        "visit",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("client_id", sa.Integer(), nullable=False),
        sa.Column("visit_date", sa.Date(), nullable=False),
        sa.Column("note", sa.Text(), nullable=False),
        sa.Column("condition", sa.String(length=80), nullable=True),
        sa.Column("symptoms", sa.Text(), nullable=False),
        sa.Column("created_at", sa.DateTime(timezone=True), server_default=sa.func.now(), nullable=False),
        sa.ForeignKeyConstraint(["client_id"], ["client.id"], name="fk_visit_client_id_client", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_visit"),
    )
    op.create_index("ix_visit_client_id", "visit", ["client_id"])
    op.create_table(
        "visit_area",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("region", sa.String(length=80), nullable=False),
        sa.Column("severity", sa.Integer(), nullable=False),
        sa.CheckConstraint("severity BETWEEN 0 AND 10", name="ck_visit_area_severity_0_10"),
        sa.ForeignKeyConstraint(["visit_id"], ["visit.id"], name="fk_visit_area_visit_id_visit", ondelete="CASCADE"),
        sa.PrimaryKeyConstraint("id", name="pk_visit_area"),
    )
    op.create_index("ix_visit_area_visit_id", "visit_area", ["visit_id"])
    op.create_table(
        "treated_trigger_point",
        sa.Column("id", sa.Integer(), nullable=False),
        sa.Column("visit_id", sa.Integer(), nullable=False),
        sa.Column("trigger_point", sa.String(length=120), nullable=False),
        sa.ForeignKeyConstraint(
            ["visit_id"], ["visit.id"], name="fk_treated_trigger_point_visit_id_visit", ondelete="CASCADE"
        ),
        sa.PrimaryKeyConstraint("id", name="pk_treated_trigger_point"),
    )
    op.create_index("ix_treated_trigger_point_visit_id", "treated_trigger_point", ["visit_id"])


def downgrade() -> None:
    op.drop_table("treated_trigger_point")
    op.drop_table("visit_area")
    op.drop_table("visit")
    op.drop_index("uq_client_owner_code", table_name="client")
    op.drop_table("client")
