"""scripts/bench_build.py: which builds its cold and warm figures are made of (no build run)."""

from __future__ import annotations

from bench_build import Measured, Scaled


def build(seconds: float) -> Measured:
    return Measured(seconds=seconds, cpu=seconds, peak_kb=1024 * int(seconds), pages=29)


def test_cold_is_the_median_of_the_fresh_copies_and_warm_of_the_builds_after():
    # three cold builds (one per fresh copy), then two warm ones of the last copy
    row = Scaled(k=10, talks=170, ours=[build(s) for s in (30, 12, 10, 14, 16)],
                 plain=[build(s) for s in (20, 6, 5, 8, 8)], cold_runs=3, instructions=(2, 1))
    assert row.cold("ours") == 12 and row.cold("plain") == 6  # the slow first pair moves no median
    assert row.warm("ours") == 15 and row.warm("plain") == 8
    assert row.ratio("cold") == 2.0 and row.ratio("warm") == 15 / 8
    assert row.peak_mb("ours") == 30


def test_the_instruction_count_is_read_from_valgrinds_summary():
    from bench_instructions import total

    output = ("INFO    -  Documentation built in 41.03 seconds\n==4242== \n"
              "==4242== I   refs:      6,885,888,655\n")
    assert total(output) == 6_885_888_655
    assert total("==4242== I1  misses:  1,234\n") is None


def test_ours_and_plain_build_back_to_back_each_first_every_other_time():
    from bench_build import in_turn

    order: list[str] = []

    def ours() -> Measured:
        order.append("ours")
        return build(2)

    def plain() -> Measured:
        order.append("plain")
        return build(1)

    for run in range(4):
        assert in_turn(run, ours, plain) == (build(2), build(1))  # always (ours, plain)
    assert order == ["ours", "plain", "plain", "ours", "ours", "plain", "plain", "ours"]
