/* railslot: the reference formulation of ../shared/spec/problem.md sections 4-5 in GNU MathProg.

   Solve:   railslot export-data INSTANCE -o instance.dat
            glpsol -m models/railslot.mod -d instance.dat

   It is written independently of the Swift model builder, for small instances: every train gets
   the whole horizon (no windows), every track is its own resource (no track classes), and the
   data are the instance's own (export-data only translates times to plan minutes and names).
   Tests solve small examples with glpsol and require railslot's optimum.

   Time is indexed by minute t in 0..H. Every event is a "step": a binary that is 0 before the
   event and 1 from its minute on.                                                              */

param H integer >= 1;
set T := 0..H;

param latenessW integer >= 0;
param delayW integer >= 0;
param dwellW integer >= 0;
param penalty integer >= 0;

set STATIONS;
param clear{STATIONS} integer >= 0;

set CARGO;
set TRACKS;
param tst{TRACKS} symbolic in STATIONS;
param tlen{TRACKS} > 0;
param tcustoms{TRACKS} binary;
set ACCEPTS within TRACKS cross CARGO;
/* Minutes a track is closed, and minutes t after which it closes until t+1 (two windows). */
set CLOSED within TRACKS cross T;
set GAP within TRACKS cross T;

set SECTIONS;
param sa{SECTIONS} symbolic in STATIONS;
param sb{SECTIONS} symbolic in STATIONS;
param single{SECTIONS} binary;
param headway{SECTIONS} integer >= 0;
param sclear{SECTIONS} integer >= 0;
set BORDERSECTIONS within SECTIONS;

set SLOTS;
param slotSection{SLOTS} symbolic in SECTIONS;
param slotFrom{SLOTS} symbolic;            /* a station, or "*" for either way */
param opens{SLOTS} integer;
param closes{SLOTS} integer;
param cap{SLOTS} integer >= 1;

set TRAINS;
param n{TRAINS} integer >= 1;             /* route positions 0..n */
param st{i in TRAINS, 0..n[i]} symbolic in STATIONS;
param sec{i in TRAINS, 0..n[i]-1} symbolic in SECTIONS;
param run{i in TRAINS, 0..n[i]-1} integer >= 1;
param req{i in TRAINS, k in 1..n[i]-1} integer >= 0, default 0;
param insp{i in TRAINS, k in 1..n[i]-1} binary, default 0;
param len{TRAINS} > 0;
param cargo{TRAINS} symbolic, default "none";
param w{TRAINS} integer >= 1;
param earliest{TRAINS} integer, default 0;
param hasdue{TRAINS} binary, default 0;
param due{TRAINS} integer, default 0;
param optional{TRAINS} binary, default 0;
param fixed{TRAINS} binary, default 0;
param fdep{i in TRAINS, 0..n[i]-1} integer, default -1;
param ftrack{i in TRAINS, 1..n[i]-1} symbolic, default "-";

set LEGS := setof{i in TRAINS, k in 0..n[i]-1} (i, k);
set STOPS := setof{i in TRAINS, k in 1..n[i]-1} (i, k);

/* Tracks train i may stand on at route position k (spec 4.4): its station, long enough, a
   customs lane that inspects its cargo where it is inspected, a siding elsewhere; a fixed
   train only its given track. */
set EL{(i, k) in STOPS} := setof{r in TRACKS:
    tst[r] = st[i, k] and tlen[r] >= len[i]
    and ((insp[i, k] = 1 and tcustoms[r] = 1 and (r, cargo[i]) in ACCEPTS) or (insp[i, k] = 0 and tcustoms[r] = 0))
    and (fixed[i] = 0 or ftrack[i, k] = r)} r;

/* Slots train i may use on leg k (spec 4.7). */
set ELS{(i, k) in LEGS} := setof{z in SLOTS: slotSection[z] = sec[i, k] and (slotFrom[z] = "*" or slotFrom[z] = st[i, k])} z;

var sched{TRAINS} binary;
var D{(i, k) in LEGS, t in T} binary;                      /* has left position k by t */
var AR{(i, k) in STOPS, r in EL[i, k], t in T} binary;     /* has arrived on track r at k by t */
var DR{(i, k) in STOPS, r in EL[i, k], t in T} binary;     /* has left track r at k by t */
var PS{(i, k) in STOPS, t in T} binary;                    /* has passed k without stopping by t */
var way{s in SECTIONS, t in T: single[s] = 1} binary;      /* 1: trains from sa may hold s at t */
var use{(i, k) in LEGS, z in ELS[i, k]} binary;
var out{TRAINS} binary;                                    /* left out (a variable, not 1 - sched: */
                                                           /* glpsol drops objective constants when it prints the objective) */

/* Optional trains (spec 4.9). */
s.t. mandatory{i in TRAINS: optional[i] = 0}: sched[i] = 1;
s.t. leftOut{i in TRAINS}: out[i] = 1 - sched[i];

/* Steps never fall back, and end at "scheduled". */
s.t. stepD{(i, k) in LEGS, t in T: t < H}: D[i, k, t] <= D[i, k, t + 1];
s.t. stepAR{(i, k) in STOPS, r in EL[i, k], t in T: t < H}: AR[i, k, r, t] <= AR[i, k, r, t + 1];
s.t. stepDR{(i, k) in STOPS, r in EL[i, k], t in T: t < H}: DR[i, k, r, t] <= DR[i, k, r, t + 1];
s.t. stepPS{(i, k) in STOPS, t in T: t < H}: PS[i, k, t] <= PS[i, k, t + 1];
s.t. endD{(i, k) in LEGS}: D[i, k, H] = sched[i];

/* Start and horizon (spec 4.1): no departure before the earliest one or the plan's start, and
   arrival at the end of the route by H. */
s.t. start{i in TRAINS, t in T: fixed[i] = 0 and t < earliest[i]}: D[i, 0, t] = 0;
s.t. finish{i in TRAINS}: (if H - run[i, n[i] - 1] >= 0 then D[i, n[i] - 1, H - run[i, n[i] - 1]] else 0) = sched[i];

/* Running (spec 4.2): arriving at k by t is having left k-1 by t - run; the arrival goes onto
   one track or through. Departure from k is from that track or through. */
s.t. split{(i, k) in STOPS, t in T}:
    sum{r in EL[i, k]} AR[i, k, r, t] + PS[i, k, t] = (if t - run[i, k - 1] >= 0 then D[i, k - 1, t - run[i, k - 1]] else 0);
s.t. leave{(i, k) in STOPS, t in T}: D[i, k, t] = sum{r in EL[i, k]} DR[i, k, r, t] + PS[i, k, t];

/* Dwell (spec 4.3): passing only where no stand is required; a stand lasts at least
   max(required, 1) minutes and ends on the track it began on. */
s.t. nopass{(i, k) in STOPS: req[i, k] > 0}: PS[i, k, H] = 0;
s.t. dwell{(i, k) in STOPS, r in EL[i, k], t in T}:
    DR[i, k, r, t] <= (if t - max(req[i, k], 1) >= 0 then AR[i, k, r, t - max(req[i, k], 1)] else 0);
s.t. leaves{(i, k) in STOPS, r in EL[i, k]}: DR[i, k, r, H] = AR[i, k, r, H];

/* Tracks (spec 4.4): one train per track, stands apart by the station's clearance. */
s.t. occupy{r in TRACKS, t in T}:
    sum{(i, k) in STOPS: r in EL[i, k]} (AR[i, k, r, t] - (if t - clear[tst[r]] >= 0 then DR[i, k, r, t - clear[tst[r]]] else 0)) <= 1;
s.t. closedAt{(r, t) in CLOSED, (i, k) in STOPS: r in EL[i, k]}:
    AR[i, k, r, t] - (if t >= 1 then DR[i, k, r, t - 1] else 0) <= 0;
s.t. closedAfter{(r, t) in GAP, (i, k) in STOPS: r in EL[i, k]}: AR[i, k, r, t] - DR[i, k, r, t] <= 0;

/* Fixed trains (spec 4.8) keep their departures (their tracks are their only EL). */
s.t. keep{(i, k) in LEGS, t in T: fixed[i] = 1}: D[i, k, t] = (if t >= fdep[i, k] then 1 else 0);

/* Same direction (spec 4.5): at most one entry in any headway window ... */
s.t. follow{s in SECTIONS, x in STATIONS, t in T: headway[s] > 0 and (x = sa[s] or x = sb[s])}:
    sum{(i, k) in LEGS: sec[i, k] = s and st[i, k] = x}
        (D[i, k, t] - (if t - headway[s] >= 0 then D[i, k, t - headway[s]] else 0)) <= 1;
/* ... and no overtaking: a faster b may not enter within (lo, run_a - run_b + h) of a slower a,
   where lo = -h (or 0 when h = 0); one row per minute, a's entries in (t - alpha, t], b's at t + delta. */
s.t. overtake{(a, ka) in LEGS, (b, kb) in LEGS, t in T:
        a != b and sec[a, ka] = sec[b, kb] and st[a, ka] = st[b, kb] and run[a, ka] > run[b, kb]
        and t + (if headway[sec[a, ka]] > 0 then 1 - headway[sec[a, ka]] else 1) >= 1
        and t + (if headway[sec[a, ka]] > 0 then 1 - headway[sec[a, ka]] else 1) <= H}:
    D[a, ka, t] - (if t - (run[a, ka] - run[b, kb] + headway[sec[a, ka]] - (if headway[sec[a, ka]] > 0 then -headway[sec[a, ka]] else 0) - 1) >= 0
                   then D[a, ka, t - (run[a, ka] - run[b, kb] + headway[sec[a, ka]] - (if headway[sec[a, ka]] > 0 then -headway[sec[a, ka]] else 0) - 1)] else 0)
    + D[b, kb, t + (if headway[sec[a, ka]] > 0 then 1 - headway[sec[a, ka]] else 1)]
    - D[b, kb, t + (if headway[sec[a, ka]] > 0 then 1 - headway[sec[a, ka]] else 1) - 1] <= 1;

/* Opposite directions on single track (spec 4.6): a train holds the section for opposing
   trains over [enter, exit + clearance). */
s.t. holdA{(i, k) in LEGS, t in T: single[sec[i, k]] = 1 and st[i, k] = sa[sec[i, k]]}:
    D[i, k, t] - (if t - run[i, k] - sclear[sec[i, k]] >= 0 then D[i, k, t - run[i, k] - sclear[sec[i, k]]] else 0) <= way[sec[i, k], t];
s.t. holdB{(i, k) in LEGS, t in T: single[sec[i, k]] = 1 and st[i, k] = sb[sec[i, k]]}:
    D[i, k, t] - (if t - run[i, k] - sclear[sec[i, k]] >= 0 then D[i, k, t - run[i, k] - sclear[sec[i, k]]] else 0) <= 1 - way[sec[i, k], t];

/* Border slots (spec 4.7): one slot per crossing, whose window holds the departure; capacities. */
s.t. oneSlot{(i, k) in LEGS: sec[i, k] in BORDERSECTIONS}: sum{z in ELS[i, k]} use[i, k, z] = sched[i];
s.t. inWindow{(i, k) in LEGS, z in ELS[i, k]}:
    use[i, k, z] <= (if closes[z] >= 0 then D[i, k, min(closes[z], H)] else 0)
                  - (if opens[z] - 1 >= 0 and opens[z] - 1 <= H then D[i, k, opens[z] - 1] else (if opens[z] - 1 > H then sched[i] else 0));
s.t. slotCap{z in SLOTS}: sum{(i, k) in LEGS: z in ELS[i, k]} use[i, k, z] <= cap[z];

/* Objective (spec 5). The departure minute from k is the number of minutes before it. */
minimize cost:
    sum{i in TRAINS: fixed[i] = 0} w[i] * (
        delayW * (sum{t in T: t < H} (sched[i] - D[i, 0, t]) - earliest[i] * sched[i])
      + dwellW * (sum{t in T: t < H} (D[i, 0, t] - D[i, n[i] - 1, t])
                  - (sum{k in 0..n[i] - 2} run[i, k] + sum{k in 1..n[i] - 1} req[i, k]) * sched[i])
      + latenessW * (if hasdue[i] = 1 then
            sum{t in T: t >= due[i] and t < H} (sched[i] - (if t - run[i, n[i] - 1] >= 0 then D[i, n[i] - 1, t - run[i, n[i] - 1]] else 0))
            + (if due[i] < 0 then -due[i] * sched[i] else 0)
          else 0))
  + sum{i in TRAINS: optional[i] = 1} w[i] * penalty * out[i];

solve;

printf "railslot objective %d\n", cost;
printf{i in TRAINS: sched[i] > 0.5} "train %s departs %d\n", i, sum{t in T: t < H} (1 - D[i, 0, t]);

end;
