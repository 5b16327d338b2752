#!/usr/bin/env python3
"""A peer of the MQTT proof-of-work lab, written the way a student of the class would.

The interoperability tests run it next to the Java node. It follows the classroom
protocol: five topics under a prefix, JSON with PascalCase keys, QoS 1, no retained
messages. Discovery, one vote, leader = highest VoteID (tie: higher ClientID), then the
leader publishes challenges and judges solutions while the others mine with hashlib.
It does not reply to a late peer's init or vote with its own, and it ignores the Java node's
extra P/presence topic.

Run with paho-mqtt 1.6.1. NOTE: for paho-mqtt 2.x it selects the VERSION1 callback API, which
keeps these callback signatures, but that branch has not been run. Exit codes: 0 after
--rounds accepted results, 1 when the broker is unreachable or --timeout expires.
"""
import argparse
import hashlib
import json
import random
import sys
import threading
import time
import uuid
from datetime import datetime, timezone

import paho.mqtt.client as mqtt

TOPICS = ("init", "voting", "challenge", "solution", "result")
REPUBLISH_SECONDS = 1.0
HASHES_PER_STOP_CHECK = 5000
MAX_HELD_MESSAGES = 64


def meets(solution, challenge):
    """Check the hex reading of Challenge: the SHA-1 hex digest starts with Challenge zeros."""
    return hashlib.sha1(solution.encode()).hexdigest().startswith("0" * challenge)


def log(text):
    print(time.strftime("%H:%M:%S"), text, flush=True)


class Peer:
    def __init__(self, args):
        self.args = args
        self.rng = random.Random(args.seed)
        self.client_id = args.client_id if args.client_id is not None else self.rng.randrange(65536)
        self.lock = threading.RLock()
        self.phase = "discovery"
        self.known = {self.client_id}
        self.votes = {}
        self.vote_id = -1
        self.leader = -1
        self.table = {}  # TransactionID -> {"challenge", "solution", "winner"}, with winner -1 while pending
        self.accepted_solutions = set()
        self.held_messages = []  # challenges and results that arrived before our election ended
        self.current_tx = -1
        self.stop_mining = threading.Event()
        self.accepted = 0
        self.next_challenge_at = None
        self.last_publish = None
        self.done = threading.Event()
        self.subscribed = threading.Event()
        self.events = open(args.events, "a", encoding="utf-8") if args.events else None

        # The ClientID is fixed before the client exists. The MQTT client id adds a random suffix.
        mqtt_id = f"student-{self.client_id}-{uuid.uuid4().hex[:8]}"
        if hasattr(mqtt, "CallbackAPIVersion"):  # paho-mqtt 2.x
            self.client = mqtt.Client(mqtt.CallbackAPIVersion.VERSION1, client_id=mqtt_id, clean_session=True)
        else:
            self.client = mqtt.Client(client_id=mqtt_id, clean_session=True)
        self.client.on_connect = self.on_connect
        self.client.on_subscribe = self.on_subscribe
        self.client.on_message = self.on_message
        self.client.on_disconnect = self.on_disconnect
        self.handlers = {"init": self.on_init, "voting": self.on_voting, "challenge": self.on_challenge,
                         "solution": self.on_solution, "result": self.on_result}

    # ---- output ----

    def topic(self, name):
        return f"{self.args.prefix}/{name}"

    def publish(self, name, payload):
        self.last_publish = self.client.publish(self.topic(name), json.dumps(payload), qos=1, retain=False)

    def event(self, name, **fields):
        if self.events is None:
            return
        now = datetime.now(timezone.utc).strftime("%Y-%m-%dT%H:%M:%S.%fZ")
        line = {"event": name, "time": now, "clientId": self.client_id, **fields}
        self.events.write(json.dumps(line) + "\n")
        self.events.flush()

    # ---- MQTT callbacks, on paho's network thread ----

    def on_connect(self, client, userdata, flags, rc):
        if rc != 0:
            log(f"connection refused, code {rc}")
            return
        log("connected")
        if not self.args.subscribe_early:
            self.subscribe()

    def subscribe(self):
        # Subscribe before publishing anything: messages sent earlier would be lost for us.
        self.client.subscribe([(self.topic(name), 1) for name in TOPICS])

    def on_disconnect(self, client, userdata, rc):
        if rc != 0:
            log(f"connection lost, code {rc}; paho reconnects")

    def on_subscribe(self, client, userdata, mid, granted_qos):
        self.subscribed.set()

    def on_message(self, client, userdata, msg):
        try:
            data = json.loads(msg.payload.decode())
            name = msg.topic.rsplit("/", 1)[-1]
            handler = self.handlers.get(name)
            with self.lock:
                if handler is not None and not self.done.is_set():
                    handler(data)
        except (ValueError, KeyError, TypeError, AttributeError) as error:
            log(f"ignored a bad message on {msg.topic}: {error!r}")

    # ---- discovery and election ----

    def on_init(self, data):
        if self.phase != "discovery":
            return  # like most student peers, this one stops listening to init after discovery
        self.discover(int(data["ClientID"]))

    def discover(self, peer):
        if peer not in self.known:
            self.known.add(peer)
            log(f"discovered {peer} ({len(self.known)} of {self.args.nodes})")
        if self.phase == "discovery" and len(self.known) >= self.args.nodes:
            self.event("discovered", participants=sorted(self.known))
            self.start_election()

    def on_voting(self, data):
        peer, vote = int(data["ClientID"]), int(data["VoteID"])
        if peer == self.client_id or self.phase not in ("discovery", "election"):
            return
        if self.phase == "discovery" and self.args.drop_early_votes:
            return
        self.votes.setdefault(peer, vote)
        log(f"vote {vote} from {peer}")
        self.discover(peer)
        self.finish_election_if_ready()

    def start_election(self):
        self.phase = "election"
        self.vote_id = self.args.vote_id if self.args.vote_id is not None else self.rng.randrange(65536)
        self.votes[self.client_id] = self.vote_id
        log(f"voting {self.vote_id}")
        self.publish("voting", {"ClientID": self.client_id, "VoteID": self.vote_id})
        self.finish_election_if_ready()

    def finish_election_if_ready(self):
        if self.phase != "election" or len(self.votes) < self.args.nodes:
            return
        self.leader = max(self.votes, key=lambda peer: (self.votes[peer], peer))
        role = "controller" if self.leader == self.client_id else "miner"
        log(f"leader is {self.leader} (vote {self.votes[self.leader]}); I am a {role}")
        self.event("elected", leader=self.leader, leaderVoteId=self.votes[self.leader],
                   voteId=self.vote_id, role=role, election=0)
        self.phase = role
        if role == "controller":
            self.issue_challenge(0)
        else:
            for handler, data in self.held_messages:
                handler(data)
        self.held_messages = []

    # ---- controller ----

    def issue_challenge(self, tx):
        challenge = self.rng.randint(1, self.args.max_challenge)
        self.table[tx] = {"challenge": challenge, "solution": None, "winner": -1}
        self.event("challenge", transactionId=tx, challenge=challenge)
        log(f"challenge {tx}: {challenge} zeros")
        self.publish("challenge", {"TransactionID": tx, "Challenge": challenge})

    def on_solution(self, data):
        if self.phase != "controller":
            return
        proposer, tx, solution = int(data["ClientID"]), int(data["TransactionID"]), str(data["Solution"])
        row = self.table.get(tx)
        ok = (row is not None and row["winner"] == -1 and solution not in self.accepted_solutions
              and meets(solution, row["challenge"]))
        self.publish("result", {"ClientID": proposer, "TransactionID": tx, "Solution": solution,
                                "Result": 1 if ok else 0})
        self.event("result", transactionId=tx, winner=proposer if ok else -1, proposer=proposer,
                   solution=solution, accepted=ok)
        if not ok:
            log(f"rejected {solution!r} from {proposer} for {tx}")
            return
        row.update(solution=solution, winner=proposer)
        self.accepted_solutions.add(solution)
        log(f"{proposer} wins {tx} with {solution!r}")
        self.count_accepted()
        if not self.done.is_set():
            self.next_challenge_at = time.monotonic() + self.args.delay

    # ---- miner ----

    def on_challenge(self, data):
        if self.hold_if_electing(self.on_challenge, data):
            return
        tx, challenge = int(data["TransactionID"]), int(data["Challenge"])
        if self.phase != "miner" or tx <= self.current_tx:
            return
        self.table[tx] = {"challenge": challenge, "solution": None, "winner": -1}
        self.current_tx = tx
        self.event("challenge", transactionId=tx, challenge=challenge)
        log(f"challenge {tx}: {challenge} zeros, mining")
        self.start_mining(tx, challenge)

    def start_mining(self, tx, challenge):
        self.stop_mining.set()
        self.stop_mining = threading.Event()
        for _ in range(self.args.threads):
            start = self.rng.randrange(10 ** 9)
            threading.Thread(target=self.mine, args=(tx, challenge, start, self.stop_mining),
                             daemon=True).start()

    def mine(self, tx, challenge, counter, stop):
        prefix = f"{self.client_id}:{tx}:"
        started = time.monotonic()
        hashes = 0
        while not stop.is_set():
            for _ in range(HASHES_PER_STOP_CHECK):
                solution = prefix + str(counter)
                counter += 1
                hashes += 1
                if meets(solution, challenge):
                    self.found(tx, solution, hashes, started, stop)
                    return

    def found(self, tx, solution, hashes, started, stop):
        with self.lock:
            if stop.is_set() or tx != self.current_tx or self.table[tx]["winner"] != -1:
                return
            stop.set()  # one proposal per search, so the other threads stop too
            digest = hashlib.sha1(solution.encode()).hexdigest()
            elapsed = int((time.monotonic() - started) * 1000)
            log(f"found {solution!r} for {tx}: {digest}")
            self.event("solution", transactionId=tx, solution=solution, digest=digest,
                       hashes=hashes, elapsedMillis=elapsed)
            self.publish("solution", {"ClientID": self.client_id, "TransactionID": tx, "Solution": solution})

    def hold_if_electing(self, handler, data):
        """Keep a message that the leader sent before our own election ended, to replay it as a miner."""
        if self.phase not in ("discovery", "election"):
            return False
        if len(self.held_messages) < MAX_HELD_MESSAGES:
            self.held_messages.append((handler, data))
        return True

    def on_result(self, data):
        if self.hold_if_electing(self.on_result, data):
            return
        if self.phase != "miner":
            return  # the controller's own results come back to it
        proposer, tx, solution = int(data["ClientID"]), int(data["TransactionID"]), str(data["Solution"])
        row = self.table.get(tx)
        if row is None or row["winner"] != -1:
            return
        accepted = int(data["Result"]) != 0
        self.event("result", transactionId=tx, winner=proposer if accepted else -1, proposer=proposer,
                   solution=solution, accepted=accepted)
        if not accepted:
            if proposer == self.client_id and tx == self.current_tx:
                log(f"my solution for {tx} was rejected, mining again")
                self.start_mining(tx, row["challenge"])
            return
        row.update(solution=solution, winner=proposer)
        if tx == self.current_tx:
            self.stop_mining.set()
        log(f"{proposer} won {tx}")
        self.count_accepted()

    def count_accepted(self):
        self.accepted += 1
        if self.args.rounds and self.accepted >= self.args.rounds:
            self.stop_mining.set()
            self.done.set()

    # ---- main loop ----

    def run(self):
        log(f"ClientID {self.client_id}, {self.args.nodes} nodes, prefix {self.args.prefix}")
        try:
            self.client.connect(self.args.broker_host, self.args.broker_port, keepalive=10)
        except OSError as error:
            log(f"cannot connect to {self.args.broker_host}:{self.args.broker_port}: {error}")
            return 1
        if self.args.subscribe_early:
            self.subscribe()  # sent right behind CONNECT, before the CONNACK arrives
        self.client.loop_start()

        deadline = time.monotonic() + self.args.timeout
        if not self.subscribed.wait(timeout=10):
            log("no SUBACK within 10 s")
            self.client.loop_stop()
            return 1

        next_init = 0.0
        while not self.done.wait(timeout=0.1) and time.monotonic() < deadline:
            now = time.monotonic()
            with self.lock:
                if self.phase == "discovery" and now >= next_init and next_init >= 0:
                    self.publish("init", {"ClientID": self.client_id})
                    next_init = -1 if self.args.init_once else now + REPUBLISH_SECONDS
                if self.phase == "controller" and self.next_challenge_at and now >= self.next_challenge_at:
                    self.next_challenge_at = None
                    self.issue_challenge(max(self.table) + 1)

        finished = self.done.is_set()
        # Let the broker acknowledge the last result before disconnecting.
        ack_deadline = time.monotonic() + 5
        while self.last_publish and not self.last_publish.is_published() and time.monotonic() < ack_deadline:
            time.sleep(0.05)
        self.client.disconnect()
        self.client.loop_stop()
        log(f"finished after {self.accepted} accepted results" if finished else "timed out")
        return 0 if finished else 1


def parse_args(argv):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--broker-host", default="127.0.0.1")
    parser.add_argument("--broker-port", type=int, default=1883)
    parser.add_argument("--prefix", default="sd", help="topics are PREFIX/init, PREFIX/voting, ...")
    parser.add_argument("--nodes", type=int, required=True, help="participants expected, this one included")
    parser.add_argument("--client-id", type=int, help="ClientID 0..65535 (default: random)")
    parser.add_argument("--vote-id", type=int, help="VoteID 0..65535 instead of a random one, for tests")
    parser.add_argument("--rounds", type=int, default=0, help="exit 0 after R accepted results; 0 runs on")
    parser.add_argument("--max-challenge", type=int, default=5, help="leader draws Challenge from 1..N hex zeros")
    parser.add_argument("--delay", type=float, default=5.0, help="seconds between a winner and the next challenge")
    parser.add_argument("--threads", type=int, default=1, help="mining threads")
    parser.add_argument("--events", help="append events as JSON Lines, in the Java node's format")
    parser.add_argument("--seed", type=int, help="seed of ClientID, VoteID, challenges and counters")
    parser.add_argument("--timeout", type=float, default=300, help="exit 1 after this many seconds")
    parser.add_argument("--init-once", action="store_true", help="publish init only once (a slow starter)")
    parser.add_argument("--drop-early-votes", action="store_true",
                        help="ignore votes that arrive before this peer's own election starts")
    parser.add_argument("--subscribe-early", action="store_true",
                        help="subscribe once right after connect() instead of in on_connect, as many students do")
    return parser.parse_args(argv)


if __name__ == "__main__":
    sys.exit(Peer(parse_args(sys.argv[1:])).run())
