#!/usr/bin/env python3
"""Writes pingxiang-2026-12-01.yaml: one plausible day on the Nanning - Pingxiang - Dong Dang -
Hanoi (Gia Lam) corridor. Fixed passenger times are derived here from the running times, so
that they obey the running rule exactly. See README.md for sources and assumptions.
Run: python3 examples/pingxiang/generate.py > examples/pingxiang/pingxiang-2026-12-01.yaml
"""

DAY = "2026-12-01"
CN, VN = "+08:00", "+07:00"

STATIONS = [
    # id, name, offset, clearance, tracks: (id, length, kind, cargo, open)
    ("NNS", "Nanning South", CN, 3, [("NNS-1", 1050), ("NNS-2", 1050), ("NNS-3", 1050), ("NNS-4", 850)]),
    ("CZO", "Chongzuo", CN, 3, [("CZO-1", 850), ("CZO-2", 850), ("CZO-3", 1050)]),
    ("NMG", "Ningming", CN, 3, [("NMG-1", 850), ("NMG-2", 850)]),
    ("PXG", "Pingxiang", CN, 5, [("PXG-1", 1050), ("PXG-2", 1050), ("PXG-3", 850),
                                ("PXG-C1", 900, "customs", ["container", "reefer"], None),
                                ("PXG-C2", 900, "customs", ["container", "bulk"], None),
                                ("PXG-C3", 850, "customs", ["bulk"], ["07:00-23:00"])]),
    ("DDG", "Dong Dang", VN, 5, [("DDG-1", 800), ("DDG-2", 800),
                                ("DDG-C1", 850, "customs", ["container", "reefer"], ["06:00-22:00"]),
                                ("DDG-C2", 850, "customs", ["container", "bulk"], ["06:00-22:00"])]),
    ("LSN", "Lang Son", VN, 3, [("LSN-1", 750), ("LSN-2", 750), ("LSN-3", 600)]),
    ("KEP", "Kep", VN, 3, [("KEP-1", 750), ("KEP-2", 750)]),
    ("BGG", "Bac Giang", VN, 3, [("BGG-1", 750), ("BGG-2", 750)]),
    ("YVI", "Yen Vien", VN, 3, [("YVI-1", 900), ("YVI-2", 900), ("YVI-3", 900)]),
    ("GLM", "Gia Lam", VN, 3, [("GLM-1", 600), ("GLM-2", 600)]),
]

# from, to, tracks, freight, passenger, headway, clearance
SECTIONS = [
    ("NNS", "CZO", 2, 130, 95, 8, 0),
    ("CZO", "NMG", 2, 60, 45, 8, 0),
    ("NMG", "PXG", 1, 55, 40, 8, 3),
    ("PXG", "DDG", 1, 30, 25, 15, 5),
    ("DDG", "LSN", 1, 25, 20, 10, 3),
    ("LSN", "KEP", 1, 100, 80, 10, 3),
    ("KEP", "BGG", 1, 25, 20, 8, 3),
    ("BGG", "YVI", 1, 60, 45, 8, 3),
    ("YVI", "GLM", 1, 15, 12, 5, 2),
]

# Slots agreed in Beijing time (+08:00): southbound from PXG, northbound from DDG.
SLOTS = [
    ("S01", "PXG", "05:30", "06:10", 1), ("N01", "DDG", "06:30", "07:10", 1),
    ("S02", "PXG", "07:30", "08:10", 1), ("N02", "DDG", "08:30", "09:10", 1),
    ("S03", "PXG", "09:30", "10:10", 2), ("N03", "DDG", "10:30", "11:10", 1),
    ("S04", "PXG", "11:30", "12:00", 1), ("N04", "DDG", "12:20", "12:50", 1),
    ("S05", "PXG", "13:30", "14:10", 1), ("N05", "DDG", "14:30", "15:10", 2),
    ("S06", "PXG", "15:30", "16:10", 1), ("N06", "DDG", "16:30", "17:10", 1),
    ("S07", "PXG", "17:30", "18:10", 1), ("N07", "DDG", "18:30", "19:10", 1),
    ("S08", "PXG", "19:30", "20:10", 1), ("N08", "DDG", "20:30", "21:10", 1),
    ("X09", None, "22:00", "22:40", 1),
]

RUNNING = {}
for a, b, _, freight, passenger, _, _ in SECTIONS:
    RUNNING[(a, b)] = RUNNING[(b, a)] = {"freight": freight, "passenger": passenger}
OFFSET = {s[0]: s[2] for s in STATIONS}


def clock(minute, station):
    """Plan minute (since 00:00+08:00) as ISO text in the station's own offset."""
    local = minute - (60 if OFFSET[station] == VN else 0)
    day, rest = divmod(local, 1440)
    return f"2026-12-{1 + day:02d}T{rest // 60:02d}:{rest % 60:02d}{OFFSET[station]}"


def at(hhmm, offset=CN):
    h, m = map(int, hhmm.split(":"))
    return h * 60 + m + (60 if offset == VN else 0)


def fixed(route, depart, stops, cls="passenger"):
    """Times from the first departure, the running times and (station -> (dwell, track)) stops."""
    out, t = [], depart
    for k, station in enumerate(route):
        if k == 0:
            out.append({"station": station, "departure": clock(t, station)})
            continue
        t += RUNNING[(route[k - 1], station)][cls]
        if k == len(route) - 1:
            out.append({"station": station, "arrival": clock(t, station)})
            break
        dwell, track = stops.get(station, (0, None))
        entry = {"station": station, "arrival": clock(t, station), "departure": clock(t + dwell, station)}
        if dwell > 0:
            entry["track"] = track
        out.append(entry)
        t += dwell
    return out


SOUTH = ["NNS", "CZO", "NMG", "PXG", "DDG", "LSN", "KEP", "BGG", "YVI", "GLM"]
NORTH = list(reversed(SOUTH))


def south(a, b):
    return SOUTH[SOUTH.index(a):SOUTH.index(b) + 1]


def north(a, b):
    return NORTH[NORTH.index(a):NORTH.index(b) + 1]


TRAINS = [
    # International passenger service Nanning - Gia Lam and back (border formalities at both ports).
    dict(id="T8701", cls="passenger", length=320, route=SOUTH, weight=5,
         fixed=fixed(SOUTH, at("07:40"), {"CZO": (2, "CZO-1"), "NMG": (2, "NMG-1"), "PXG": (60, "PXG-1"),
                                         "DDG": (60, "DDG-1"), "LSN": (2, "LSN-1"), "KEP": (2, "KEP-1"),
                                         "BGG": (2, "BGG-1"), "YVI": (2, "YVI-1")})),
    dict(id="T8702", cls="passenger", length=320, route=NORTH, weight=5,
         fixed=fixed(NORTH, at("07:15", VN), {"YVI": (2, "YVI-2"), "BGG": (2, "BGG-2"), "KEP": (2, "KEP-2"),
                                             "LSN": (2, "LSN-2"), "DDG": (60, "DDG-2"), "PXG": (60, "PXG-2"),
                                             "NMG": (2, "NMG-2"), "CZO": (2, "CZO-2")})),
    # Regional passenger trains on the Chinese side.
    dict(id="K5501", cls="passenger", length=280, route=south("NNS", "PXG"),
         fixed=fixed(south("NNS", "PXG"), at("06:20"), {"CZO": (3, "CZO-1"), "NMG": (2, "NMG-1")})),
    dict(id="K5502", cls="passenger", length=280, route=north("PXG", "NNS"),
         fixed=fixed(north("PXG", "NNS"), at("16:10"), {"NMG": (2, "NMG-1"), "CZO": (3, "CZO-1")})),
    # Cross-border freight, southbound: China exit customs at Pingxiang, Vietnam entry at Dong Dang.
    dict(id="X9801", cls="freight", cargo="container", length=650, route=south("NNS", "YVI"), earliest="00:30", due=("11:30", VN),
         weight=3, customs={"PXG": 60, "DDG": 60}),
    dict(id="X9803", cls="freight", cargo="container", length=700, route=south("NNS", "LSN"), earliest="02:00", due=("09:00", VN),
         weight=2, customs={"PXG": 60, "DDG": 60}),
    dict(id="X9805", cls="freight", cargo="container", length=720, route=south("NNS", "LSN"), earliest="06:00", due=("14:30", VN),
         weight=2, customs={"PXG": 60, "DDG": 45}),
    dict(id="B9821", cls="freight", cargo="bulk", length=650, route=south("NNS", "LSN"), earliest="04:00", due=("12:00", VN),
         customs={"PXG": 90, "DDG": 60}, min_dwell={"CZO": 5}),
    dict(id="X9809", cls="freight", cargo="container", length=720, route=south("NNS", "LSN"), earliest="12:30", due=("21:30", VN),
         customs={"PXG": 60, "DDG": 45}, optional=True),
    # Cross-border freight, northbound: Vietnam exit at Dong Dang, China entry at Pingxiang (fruit in reefers).
    dict(id="R9802", cls="freight", cargo="reefer", length=650, route=north("YVI", "NNS"), earliest=("02:30", VN), due=("15:00", CN),
         weight=4, customs={"DDG": 45, "PXG": 90}),
    dict(id="R9804", cls="freight", cargo="reefer", length=700, route=north("LSN", "NNS"), earliest=("05:00", VN), due=("13:30", CN),
         weight=4, customs={"DDG": 45, "PXG": 90}),
    dict(id="X9806", cls="freight", cargo="container", length=700, route=north("LSN", "NNS"), earliest=("08:00", VN), due=("18:00", CN),
         weight=2, customs={"DDG": 60, "PXG": 60}),
    dict(id="X9810", cls="freight", cargo="container", length=720, route=north("LSN", "NNS"), earliest=("13:00", VN), due=("23:50", CN),
         customs={"DDG": 45, "PXG": 60}),
    dict(id="R9812", cls="freight", cargo="reefer", length=700, route=north("LSN", "NNS"), earliest=("15:00", VN), due=("23:59", CN),
         weight=2, customs={"DDG": 45, "PXG": 90}, optional=True),
    # Domestic freight on the Chinese side.
    dict(id="41001", cls="freight", length=850, route=south("NNS", "PXG"), earliest="01:00", due=("06:00", CN)),
    dict(id="41003", cls="freight", length=850, route=south("NNS", "PXG"), earliest="08:30", due=("13:30", CN)),
    dict(id="41005", cls="freight", length=850, route=south("NNS", "PXG"), earliest="14:00", due=("20:00", CN), optional=True),
    dict(id="41002", cls="freight", length=850, route=north("PXG", "NNS"), earliest="03:00", due=("08:30", CN)),
    dict(id="41004", cls="freight", length=850, route=north("PXG", "NNS"), earliest="12:00", due=("18:00", CN)),
    dict(id="42011", cls="freight", length=1000, route=south("NNS", "CZO"), earliest="05:30", due=("08:00", CN)),
    dict(id="42012", cls="freight", length=1000, route=north("CZO", "NNS"), earliest="09:00", due=("11:30", CN)),
    dict(id="42013", cls="freight", length=1000, route=south("NNS", "CZO"), earliest="13:00", due=("16:00", CN)),
    dict(id="42016", cls="freight", length=1000, route=north("CZO", "NNS"), earliest="19:00", due=("22:00", CN), optional=True),
    dict(id="42014", cls="freight", length=1000, route=north("NMG", "NNS"), earliest="17:00", due=("21:00", CN), min_dwell={"CZO": 10}),
    # Domestic freight on the Vietnamese side (dual-gauge line to Yen Vien).
    dict(id="H1", cls="freight", length=600, route=north("YVI", "DDG"), earliest=("09:30", VN), due=("15:00", VN)),
    dict(id="H2", cls="freight", length=600, route=south("DDG", "YVI"), earliest=("13:00", VN), due=("19:00", VN)),
    dict(id="H3", cls="freight", length=550, route=south("LSN", "BGG"), earliest=("16:00", VN), due=("19:30", VN), optional=True),
    dict(id="H4", cls="freight", length=550, route=north("BGG", "KEP"), earliest=("05:00", VN), due=("06:00", VN)),
    dict(id="H5", cls="freight", length=550, route=south("KEP", "YVI"), earliest=("10:30", VN), due=("12:30", VN)),
    dict(id="H6", cls="freight", length=600, route=north("YVI", "LSN"), earliest=("17:30", VN), due=("22:45", VN), optional=True),
]


def q(text):
    return f'"{text}"'


def main():
    print("# One plausible day on the Nanning - Pingxiang - Dong Dang - Gia Lam corridor (generated by")
    print("# generate.py; see README.md beside it for sources and assumptions). Times in +08:00 (China)")
    print("# and +07:00 (Vietnam); border slots are agreed in +08:00.")
    print(f"name: pingxiang-{DAY}")
    print(f'start: "{DAY}T00:00+08:00"')
    print("horizon_minutes: 1440")
    print("objective:\n  lateness_per_minute: 10\n  departure_delay_per_minute: 1\n  dwell_per_minute: 1\n  unscheduled_penalty: 100000")
    print("stations:")
    for sid, name, offset, clearance, tracks in STATIONS:
        print(f"  - id: {sid}\n    name: {name}\n    utc_offset: {q(offset)}\n    clearance_minutes: {clearance}\n    tracks:")
        for t in tracks:
            if len(t) == 2:
                print(f"      - {{ id: {t[0]}, length_m: {t[1]} }}")
            else:
                tid, length, kind, cargo, hours = t
                extra = f", open: [{', '.join(q(h) for h in hours)}]" if hours else ""
                print(f"      - {{ id: {tid}, length_m: {length}, kind: {kind}, cargo: [{', '.join(cargo)}]{extra} }}")
    print("sections:")
    for a, b, tracks, freight, passenger, headway, clearance in SECTIONS:
        print(f"  - {{ from: {a}, to: {b}, tracks: {tracks}, running_minutes: {{ freight: {freight}, passenger: {passenger} }}, "
              f"headway_minutes: {headway}, clearance_minutes: {clearance} }}")
    print("borders:\n  - id: PXG-DDG\n    section: [PXG, DDG]\n    slots:")
    for sid, frm, opens, closes, cap in SLOTS:
        direction = f"from_station: {frm}, " if frm else ""
        print(f'      - {{ id: {sid}, {direction}opens: "{DAY}T{opens}+08:00", closes: "{DAY}T{closes}+08:00", capacity: {cap} }}')
    print("trains:")
    for t in TRAINS:
        print(f"  - id: {q(t['id'])}\n    class: {t['cls']}")
        if "cargo" in t:
            print(f"    cargo: {t['cargo']}")
        print(f"    length_m: {t['length']}\n    route: [{', '.join(t['route'])}]")
        if "earliest" in t:
            e = t["earliest"]
            hhmm, offset = (e, CN) if isinstance(e, str) else e
            print(f'    earliest_departure: "{DAY}T{hhmm}{offset}"')
        if "due" in t:
            print(f'    due_arrival: "{DAY}T{t["due"][0]}{t["due"][1]}"')
        if t.get("weight", 1) != 1:
            print(f"    weight: {t['weight']}")
        if "min_dwell" in t:
            print(f"    min_dwell: {{ {', '.join(f'{k}: {v}' for k, v in t['min_dwell'].items())} }}")
        if "customs" in t:
            print(f"    customs: {{ {', '.join(f'{k}: {v}' for k, v in t['customs'].items())} }}")
        if t.get("optional"):
            print("    optional: true")
        if "fixed" in t:
            print("    fixed:")
            for stop in t["fixed"]:
                fields = ", ".join(f"{k}: {q(v) if k in ('arrival', 'departure') else v}" for k, v in stop.items())
                print(f"      - {{ {fields} }}")


main()
