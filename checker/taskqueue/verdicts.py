"""Each job's verdict, stored once: the first one finished wins and every reader gets that one."""

from __future__ import annotations

from checker.taskqueue import contract


class VerdictStore:
    """Verdict JSON per job id in Redis, written with SET NX so a job never has two answers."""

    def __init__(self, client, ttl_s: int) -> None:
        self.client = client
        self.ttl_s = ttl_s

    def first(self, job_id: str) -> str | None:
        """The stored verdict JSON of `job_id`, if any."""
        raw = self.client.get(contract.VERDICT_KEY + job_id)
        return None if raw is None else raw.decode("utf-8", errors="replace")

    def put_first(self, job_id: str, verdict_json: str) -> str:
        """Store `verdict_json` unless a verdict is already there; return whichever one is stored."""
        if self.client.set(contract.VERDICT_KEY + job_id, verdict_json, nx=True, ex=self.ttl_s):
            return verdict_json
        stored = self.first(job_id)
        return verdict_json if stored is None else stored  # expired in between: ours is the only one left
