"""How sure netgraph is of who knows whom, measured on real data.

    python benchmarks/who_knows_whom.py [--employees 40] [--fit] [--out docs/who-knows-whom.md]

Enron (``../shared/data/enron``): employees are taken one at a time as the owner of
a mailbox — the messages they sent or received, headers only — and netgraph's
evidence model (:mod:`netgraph.model.evidence`) scores every pair of other people
that the mailbox touches. The truth is whether the two exchanged mail directly
anywhere in the corpus. Employees alternate between a fitting half and a testing
half (by id); ``--fit`` refits the logistic coefficients on the fitting half and
prints them (they are the constants of ``EvidenceModel``); the figures reported are
on the testing half, with the shipped coefficients.

Facebook (``../shared/data/facebook``): for each ego, among the ego's friends, how
well a shared (anonymised) employer predicts a friendship: precision, recall, and
lift over the base rate. The pooled precision is ``EvidenceModel.employer``.
"""

from __future__ import annotations

import argparse
import sys
from collections import defaultdict
from pathlib import Path

import numpy as np
import pandas as pd

ROOT = Path(__file__).resolve().parents[1]
sys.path.insert(0, str(ROOT / "src"))

from netgraph.model.evidence import EvidenceModel, pair_features  # noqa: E402

SHARED = ROOT.parent / "shared" / "data"
BULK = 10  # StrengthModel.bulk_recipients


def enron():
    folder = SHARED / "enron"
    messages = pd.read_csv(folder / "messages.tsv", sep="\t", header=None, quoting=3, dtype=str,
                           names=["message", "file", "time", "subject", "sender"], usecols=[0, 2, 3, 4])
    recipients = pd.read_csv(folder / "recipients.tsv", sep="\t", header=None, dtype=str,
                             names=["message", "number", "receiver"], usecols=[0, 2])
    mail = recipients.merge(messages, on="message")
    mail["date"] = pd.to_datetime(mail["time"].astype(int), unit="s")
    mail = mail[mail["sender"] != mail["receiver"]]
    truth = set(zip(np.minimum(mail["sender"].astype(int), mail["receiver"].astype(int)),
                    np.maximum(mail["sender"].astype(int), mail["receiver"].astype(int))))
    return mail, truth


def mailbox(mail: pd.DataFrame, me: str) -> pd.DataFrame:
    """The interactions of one person's own mailbox, as netgraph's mbox reader would give them.

    The corpus as published keeps no In-Reply-To or References headers, which a real mailbox has; they
    are stood in for by the subject, as mail clients thread without them: a message whose subject, less
    its "Re:"/"Fw:" prefixes, is that of an earlier message of the mailbox replies to the first of them.
    """
    mine = set(mail.loc[(mail["sender"] == me) | (mail["receiver"] == me), "message"])
    box = mail[mail["message"].isin(mine)]
    size = box.groupby("message")["receiver"].transform("size")
    topic = box["subject"].fillna("").str.lower().str.replace(r"^(\s*(re|fw|fwd)\s*:\s*)+", "", regex=True).str.strip()
    first = box.assign(topic=topic).sort_values("date").drop_duplicates("topic").set_index("topic")["message"]
    root = topic.map(first).where(topic != "", "")
    return pd.DataFrame({"date": box["date"], "from": box["sender"], "to": box["receiver"], "channel": "email",
                         "message_id": box["message"], "in_reply_to": root.where(root != box["message"], ""),
                         "recipients": size, "mailing_list": ""}).reset_index(drop=True)


def scored(mail, truth, employees, model: EvidenceModel) -> pd.DataFrame:
    """Every pair a mailbox's evidence touches, with its features, confidence and truth, per owner."""
    frames = []
    for me in employees:
        x = mailbox(mail, me)
        f = pair_features(x, me, bulk=BULK).reset_index()
        people = set(x["from"]) | set(x["to"])
        f["owner"], f["people"] = me, len(people) - 1
        f["truth"] = [(min(int(a), int(b)), max(int(a), int(b))) in truth for a, b in zip(f["a"], f["b"])]
        frames.append(f)
    out = pd.concat(frames, ignore_index=True)
    out["shared"] = out["messages"] + out["meetings"] + model.thread * out["threads"]
    out["confidence"] = np.where(out["direct"] > 0, 1.0, model.communication(out))
    return out


def fit(pairs: pd.DataFrame) -> np.ndarray:
    """Logistic regression by Newton's method: truth ~ 1 + log1p(weighted + threads / 2) + log1p(common)
    + log1p(partners)."""
    inferred = pairs[(pairs["direct"] == 0) & ((pairs["shared"] > 0) | (pairs["common"] > 0))]
    X = np.column_stack([np.ones(len(inferred)), np.log1p(inferred["weighted"] + 0.5 * inferred["threads"]),
                         np.log1p(inferred["common"]), np.log1p(inferred["partners"])])
    y = inferred["truth"].to_numpy(float)
    beta = np.zeros(4)
    for _ in range(50):
        p = 1 / (1 + np.exp(-X @ beta))
        gradient = X.T @ (y - p)
        hessian = (X * (p * (1 - p))[:, None]).T @ X + 1e-9 * np.eye(4)
        step = np.linalg.solve(hessian, gradient)
        beta += step
        if np.abs(step).max() < 1e-10:
            break
    return beta


def auc(score: np.ndarray, truth: np.ndarray) -> float:
    """The area under the ROC curve (ties count half), by ranks."""
    ranks = pd.Series(score).rank().to_numpy()
    positive = truth.astype(bool)
    n_pos, n_neg = positive.sum(), (~positive).sum()
    return float((ranks[positive].sum() - n_pos * (n_pos + 1) / 2) / (n_pos * n_neg))


def _auc(pairs: pd.DataFrame) -> float:
    return auc(pairs["confidence"].to_numpy(), pairs["truth"].to_numpy())


def report(pairs: pd.DataFrame, truth_pairs: int, model: EvidenceModel) -> list[str]:
    kept = pairs["confidence"] >= model.min_confidence
    inferred = pairs[pairs["direct"] == 0]
    inferred_kept = inferred["confidence"] >= model.min_confidence
    lines = [
        f"- pairs the evidence touches: {len(pairs):,} ({len(inferred):,} inferred, "
        f"{len(pairs) - len(inferred):,} observed on a message the owner has)",
        f"- AUC of `confidence`, every pair touched: **{_auc(pairs):.3f}**; inferred pairs only: {_auc(inferred):.3f}",
        f"- ties kept (confidence ≥ {model.min_confidence}): {int(kept.sum()):,}, precision "
        f"**{pairs.loc[kept, 'truth'].mean():.3f}**, recall **{pairs.loc[kept, 'truth'].sum() / truth_pairs:.3f}** "
        f"(of the {truth_pairs:,} pairs of people in the mailboxes who did exchange mail)",
        f"- inferred ties kept: {int(inferred_kept.sum()):,}, precision "
        f"{inferred.loc[inferred_kept, 'truth'].mean():.3f}",
        "",
        "| decile of confidence (inferred pairs) | pairs | mean confidence | observed rate |",
        "|---|---:|---:|---:|",
    ]
    deciles = pd.qcut(inferred["confidence"].rank(method="first"), 10, labels=False)
    for d, group in inferred.groupby(deciles):
        lines.append(f"| {d + 1} | {len(group):,} | {group['confidence'].mean():.3f} | {group['truth'].mean():.3f} |")
    return lines


def facebook() -> tuple[list[str], float]:
    lines = ["| ego | friends | pairs sharing an employer | precision | recall | base rate | lift |",
             "|---|---:|---:|---:|---:|---:|---:|"]
    total_shared = total_friends = 0
    for featnames in sorted((SHARED / "facebook").glob("*.featnames"), key=lambda p: int(p.stem)):
        ego = featnames.stem
        names = [line.split(" ", 1)[1] for line in featnames.read_text().splitlines()]
        employer = [i for i, n in enumerate(names) if n.startswith("work;employer;id;")]
        jobs = defaultdict(set)
        nodes = []
        for line in (SHARED / "facebook" / f"{ego}.feat").read_text().splitlines():
            node, *values = line.split()
            nodes.append(node)
            for i in employer:
                if values[i] == "1":
                    jobs[names[i]].add(node)
        lines_of = (SHARED / "facebook" / f"{ego}.edges").read_text().splitlines()
        edges = {tuple(sorted(line.split())) for line in lines_of}
        shared = set()
        for members in jobs.values():
            members = sorted(members)
            shared |= {(a, b) for i, a in enumerate(members) for b in members[i + 1:]}
        n = len(nodes)
        friends_shared = len(shared & edges)
        base = len(edges) / (n * (n - 1) / 2)
        precision = friends_shared / len(shared) if shared else float("nan")
        recall = friends_shared / len(edges) if edges else float("nan")
        lines.append(f"| {ego} | {n} | {len(shared):,} | {precision:.3f} | {recall:.3f} | {base:.4f} | "
                     f"{precision / base:.1f} |")
        total_shared += len(shared)
        total_friends += friends_shared
    pooled = total_friends / total_shared
    lines.append(f"| all | | {total_shared:,} | **{pooled:.3f}** | | | |")
    return lines, pooled


def main(argv=None) -> int:
    parser = argparse.ArgumentParser(description=__doc__, formatter_class=argparse.RawDescriptionHelpFormatter)
    parser.add_argument("--employees", type=int, default=40, help="how many mailboxes (the largest), half to fit")
    parser.add_argument("--fit", action="store_true", help="refit the coefficients on the fitting half")
    parser.add_argument("--out", type=Path, help="write the report (markdown) to this file")
    args = parser.parse_args(argv)
    if not (SHARED / "enron").exists():
        print(f"the real data is not here: {SHARED}", file=sys.stderr)
        return 2
    mail, truth = enron()
    sizes = pd.concat([mail[["message", "sender"]].rename(columns={"sender": "who"}),
                       mail[["message", "receiver"]].rename(columns={"receiver": "who"})]).drop_duplicates()
    biggest = sizes["who"].value_counts().head(args.employees).index
    chosen = sorted(biggest, key=int)
    fitting, testing = chosen[0::2], chosen[1::2]
    model = EvidenceModel()
    if args.fit:
        beta = fit(scored(mail, truth, fitting, model))
        model = EvidenceModel(intercept=round(beta[0], 3), weighted=round(beta[1], 3), common=round(beta[2], 3),
                              partners=round(beta[3], 3))
        fitted = scored(mail, truth, fitting, model)
        floor = next(f / 100 for f in range(1, 100)  # the least floor right seven times in ten on the fitting half
                     if fitted.loc[fitted["confidence"] >= f / 100, "truth"].mean() >= 0.7)
        model = EvidenceModel(intercept=model.intercept, weighted=model.weighted, common=model.common,
                              partners=model.partners, min_confidence=floor)
        print(f"fitted on {len(fitting)} mailboxes: intercept={beta[0]:.3f} weighted={beta[1]:.3f} "
              f"common={beta[2]:.3f} partners={beta[3]:.3f}; floor {floor}")
    pairs = scored(mail, truth, testing, model)
    truth_pairs = 0
    for me in testing:
        x = mailbox(mail, me)
        people = sorted({int(p) for p in set(x["from"]) | set(x["to"])} - {int(me)})
        truth_pairs += sum(1 for i, a in enumerate(people) for b in people[i + 1:] if (a, b) in truth)
    lines = ["# Who knows whom: how sure netgraph is", "",
             "Measured by `python benchmarks/who_knows_whom.py --out docs/who-knows-whom.md` on the real data "
             "beside the project (`../shared/data`).", "",
             f"## Enron: {len(testing)} mailboxes (testing half of the {len(chosen)} largest; the other half "
             "fits the coefficients)", "",
             "Each employee in turn owns a mailbox (the messages they sent or received); every pair of other "
             "people the mailbox touches is scored; the truth is whether the two exchanged mail directly anywhere "
             "in the corpus.", "",
             *report(pairs, truth_pairs, model), ""]
    if (SHARED / "facebook").exists():
        table, pooled = facebook()
        lines += ["## Facebook: does a shared employer mean a friendship?", "",
                  "Among each ego's friends, pairs that share an anonymised employer, against the friendships "
                  "among them.", "", *table, "",
                  f"The pooled precision, {pooled:.3f}, is the confidence netgraph gives a shared current employer "
                  f"(`EvidenceModel.employer`, {EvidenceModel().employer})."]
    text = "\n".join(lines) + "\n"
    if args.out:
        args.out.write_text(text)
    print(text)
    return 0


if __name__ == "__main__":
    sys.exit(main())
