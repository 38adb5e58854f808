"""Drives the Proxmox simulator with Debian's python3-proxmoxer, an independent real client.

Prints one JSON object with what it observed; the C# test checks it. Every wait is bounded.
"""
import argparse
import json
import sys
import time

try:
    import urllib3
    import requests  # noqa: F401 - proxmoxer's https backend needs it; Debian only recommends it
except ImportError as missing:
    raise SystemExit(f"{missing}: install Debian's python3-requests next to python3-proxmoxer")
from proxmoxer import ProxmoxAPI
from proxmoxer.core import ResourceException

urllib3.disable_warnings()

parser = argparse.ArgumentParser()
parser.add_argument("--host", required=True)
parser.add_argument("--token", required=True, help="USER@REALM!TOKENID=SECRET")
parser.add_argument("--node", default="pve")
parser.add_argument("--vmid", type=int, required=True)
args = parser.parse_args()

token_id, secret = args.token.rsplit("=", 1)
user, token_name = token_id.split("!", 1)
# proxmoxer cannot pin a fingerprint; verify_ssl=False is acceptable only in this test.
api = ProxmoxAPI(args.host, user=user, token_name=token_name, token_value=secret, verify_ssl=False, timeout=10)
node = api.nodes(args.node)
ct = node.lxc(args.vmid)
seen = {}


def wait(upid, limit=150):
    task_node = upid.split(":")[1]
    for _ in range(limit):
        status = api.nodes(task_node).tasks(upid).status.get()
        if status["status"] == "stopped":
            return status
        time.sleep(0.1)
    raise SystemExit("task did not finish: " + upid)


seen["version"] = api.version.get()["release"]
seen["listed"] = sorted(int(c["vmid"]) for c in node.lxc.get())

upid = ct.status.start.post()
seen["start_upid"] = upid
seen["start_exit"] = wait(upid)["exitstatus"]
seen["status_after_start"] = ct.status.current.get()["status"]

config = ct.config.get()
seen["digest_before"] = config["digest"]
ct.config.put(cores=2, description="set by proxmoxer", digest=config["digest"])
config = ct.config.get()
seen["cores_after_put"] = config["cores"]
seen["description_after_put"] = config["description"]
seen["digest_after"] = config["digest"]

try:
    ct.config.put(cores=3, digest=seen["digest_before"])
    seen["stale_digest_error"] = None
except ResourceException as error:
    seen["stale_digest_error"] = {"status": error.status_code, "reason": error.content}

upid = ct.snapshot.post(snapname="proxmoxer", description="taken by proxmoxer")
seen["snapshot_exit"] = wait(upid)["exitstatus"]
seen["snapshots"] = [s["name"] for s in ct.snapshot.get()]

upid = ct.status.stop.post()
seen["stop_exit"] = wait(upid)["exitstatus"]
seen["status_after_stop"] = ct.status.current.get()["status"]
seen["log_tail"] = api.nodes(args.node).tasks(upid).log.get()[-1]["t"]

try:
    node.lxc(999).status.current.get()
    seen["missing_error"] = None
except ResourceException as error:
    seen["missing_error"] = {"status": error.status_code, "reason": error.content}

json.dump(seen, sys.stdout)
