"""An actor's articles from the index alone: mention (actor_id, article_id).

The actors list and the overview count, for every actor, the distinct articles that name it; the
articles list's "Mentions" facet does the same over the filtered articles; an actor page finds the
articles that name it. With (actor_id, article_id) SQLite walks one covering index in actor order
instead of every mention row (at 100,000 articles, 3 million mentions: 1.8 s -> 0.3 s).

Revision ID: 0006
Revises: 0005
"""

from collections.abc import Sequence

from alembic import op

revision: str = "0006"
down_revision: str | Sequence[str] | None = "0005"
branch_labels: str | Sequence[str] | None = None
depends_on: str | Sequence[str] | None = None


def upgrade() -> None:
    op.execute("CREATE INDEX ix_mention_actor_article ON mention (actor_id, article_id)")
    op.execute("ANALYZE mention")


def downgrade() -> None:
    op.execute("DROP INDEX ix_mention_actor_article")
