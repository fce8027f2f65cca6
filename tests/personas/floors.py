"""The floors the personas' facts must not fall below (issue 10): over all the personas and
per held-out set, checked on the offline run of every persona (tests/personas/test_offline.py)
and on the live run through the real servers (tests/e2e/test_personas.py)."""

# Floors of the held-out sets that guard against regressions: held_out_5 was 76.8 % the first
# time, then mended; held_out_6 84.2 %, held_out_7 75.5 %, held_out_8 80.9 % and held_out_9
# 84.1 % (one not filed) the first time, each then read and mended (docs/conversation.md has
# the first figures).
HELD_OUT_FLOORS = {
    "held_out_5": 0.90,
    "held_out_6": 0.85,
    "held_out_7": 0.86,
    "held_out_8": 0.86,
    "held_out_9": 0.90,
    "held_out_10": 0.94,
    "held_out_11": 0.88,
    "held_out_12": 0.89,
    "held_out_13": 0.90,
    "held_out_14": 0.83,
    "held_out_15": 0.94,
    "held_out_16": 0.88,
    "held_out_17": 0.85,
    "held_out_18": 0.93,
    "held_out_19": 0.82,
    "held_out_20": 0.86,
    "held_out_21": 0.84,
    "held_out_22": 0.93,
    "held_out_23": 0.85,
    "held_out_24": 0.80,
    # read in the fifteenth session (87.5, 85.8 and 89.9 % the first time; offline after
    # reading 92.6, 90.2 and 93.6 %)
    "held_out_25": 0.90,
    "held_out_26": 0.87,
    "held_out_27": 0.91,
    # read in the sixteenth session (92.6 and 90.1 % the first time)
    "held_out_28": 0.90,
    "held_out_29": 0.88,
    # written and first measured in the sixteenth session after those (92.6 and 88.3 %)
    "held_out_30": 0.90,
    "held_out_31": 0.86,
    # written, first measured and read in the seventeenth session (86.7 and 89.9 % the first time)
    "held_out_32": 0.86,
    "held_out_33": 0.91,
    # written, first measured and read in the eighteenth session (92.6 and 92.6 % the first
    # time; offline after reading 96.9 and 96.9 %)
    "held_out_34": 0.93,
    "held_out_35": 0.93,
    # … and after those (89.4 and 90.3 % the first time; offline after reading 90.8 and 90.8 %)
    "held_out_36": 0.88,
    "held_out_37": 0.88,
    # written, first measured and read in the nineteenth session (92.2 and 86.0 % the first
    # time; offline after reading 95.6 and 90.6 %)
    "held_out_38": 0.93,
    "held_out_39": 0.88,
    # … and after those (89.5 and 89.1 % the first time; offline after reading 94.4 and
    # 90.8 %)
    "held_out_40": 0.91,
    "held_out_41": 0.88,
    # written, first measured and read in the twentieth session (93.7 and 94.7 % the first
    # time; offline after reading 93.7 and 95.4 %)
    "held_out_42": 0.91,
    "held_out_43": 0.93,
    # written, first measured and read in the twenty-first session (88.4 and 93.1 % of the
    # filed personas' facts the first time, one persona of held_out_45 not filed; offline
    # after reading 91.9 and 96.4 %)
    "held_out_44": 0.89,
    "held_out_45": 0.94,
    # … and after those (91.5 and 88.7 % the first time; offline after reading 95.2 and
    # 91.5 %)
    "held_out_46": 0.93,
    "held_out_47": 0.89,
    # written, first measured and read in the twenty-second session (89.8 and 96.3 % the
    # first time; offline after reading 97.0 and 97.3 %)
    "held_out_48": 0.95,
    "held_out_49": 0.95,
    # written, first measured (offline) and read in the twenty-fourth session (93.7 and 92.8 %
    # the first time; offline after reading 98.7 and 95.2 %)
    "held_out_50": 0.97,
    "held_out_51": 0.94,
    # written, first measured (offline) and read in the twenty-fifth session (89.8 and 92.5 %
    # the first time; offline after reading 96.4 and 94.9 %)
    "held_out_52": 0.96,
    "held_out_53": 0.94,
    # written, first measured (offline) and read in the twenty-sixth session (89.9 and 91.0 %
    # the first time; offline after reading 94.1 and 96.6 %)
    "held_out_54": 0.94,
    "held_out_55": 0.96,
    # written, first measured (offline) and read in the twenty-seventh session (94.5 and 90.8 %
    # the first time; offline after reading 98.9 and 97.7 %)
    "held_out_56": 0.97,
    "held_out_57": 0.96,
}
# The issue's target is 95 % of the sheets' facts right over all the personas. It holds over
# the 375 personas of the thirteenth session (95.05 % live in the fourteenth), but not over
# the 435 with the four sets added in the fourteenth (94.25 % live), nor over the 465 with the
# two of the fifteenth (94.7 % offline once read): this floor guards against sliding back
# while the target is still open (docs/conversation.md, "Figures").
ALL_FLOOR = 0.94


def newest_held_out(by_set: dict) -> str:
    """The held-out set with the highest number among those run."""
    return max(
        (name for name in by_set if name.startswith("held_out")),
        key=lambda name: int(name.rsplit("_", 1)[-1]) if name[-1].isdigit() else 1,
    )


def below_floors(by_set: dict) -> dict:
    """The held-out sets whose share of facts right is below their floor."""
    return {
        name: by_set[name]["right_share"]
        for name, floor in HELD_OUT_FLOORS.items()
        if name in by_set and by_set[name]["right_share"] < floor
    }


# The live run in `make test` takes every LIVE_EVERY-th persona of each set (in the order of
# their ids), one of a set of fifteen: the offline run checks every persona against every
# floor in two minutes, the live one that the real servers (the NLU, the REST and voice
# channels, the store) give the same, and the whole corpus live is `make personas-live`
# (docs/conversation.md, "How the personas are run"). It was every fourth until the CI run
# neared 70 minutes (docs/operations.md, "CI time"); live and offline had agreed on 211 of
# the 212 personas of that sample.
LIVE_EVERY = 15


def live_sample(personas: list, every: int = LIVE_EVERY) -> list:
    """Every `every`-th persona of each set, the first of each included."""
    seen: dict[str, int] = {}
    chosen = []
    for persona in sorted(personas, key=lambda p: (p.made, p.id)):
        index = seen.get(persona.made, 0)
        seen[persona.made] = index + 1
        if index % every == 0:
            chosen.append(persona)
    return chosen
