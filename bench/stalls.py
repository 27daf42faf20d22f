#!/usr/bin/env python3
"""Where requests stood still, from a series of JSON thread dumps taken about once a second (jcmd
<pid> Thread.dump_to_file -format=json): a request thread found at the same place (its top frames)
in two or more dumps in a row stayed there a second or more. Prints, per directory of dumps, those
places, most common first, with the state of the thread and the longest run of dumps.
Usage: bench/stalls.py DIR [DIR…]"""
import collections
import glob
import json
import sys

HIDDEN = ("java.base/jdk.internal.", "java.base/java.lang.VirtualThread", "java.base/java.lang.Continuation",
          "java.base/java.lang.System$1.parkVirtualThread", "java.base/java.util.concurrent.locks.LockSupport")


def place(stack):
    return tuple(frame for frame in stack if not frame.startswith(HIDDEN))[:4]


def main(dirs):
    for directory in dirs:
        dumps = sorted(glob.glob(f"{directory}/*.json"))
        seen = collections.defaultdict(list)
        for index, path in enumerate(dumps):
            try:
                with open(path) as f:
                    dump = json.load(f)
            except (OSError, ValueError):
                continue  # a dump cut short when the server stopped
            for container in dump["threadDump"]["threadContainers"]:
                for thread in container["threads"]:
                    name, stack = thread.get("name", ""), thread.get("stack", [])
                    if not ("tomcat-handler" in name or ("http-nio" in name and "exec" in name)):
                        continue
                    if any("ThreadPoolExecutor.getTask" in frame for frame in stack):
                        continue  # a platform request thread waiting for its next request
                    seen[thread["tid"]].append((index, thread.get("state", "?"), place(stack)))
        # a thread found at the same place in consecutive dumps stayed there a second or more; a
        # platform thread serves one request after another, so only the place counts, not the thread
        stays = collections.Counter()
        longest = collections.defaultdict(int)
        for sightings in seen.values():
            run = 1
            # a sentinel after the last sighting ends the last run
            for before, after in zip(sightings, sightings[1:] + [None]):
                if after and after[0] == before[0] + 1 and after[2] == before[2] and after[2]:
                    run += 1
                    continue
                if run >= 2:
                    key = (before[1], before[2])
                    stays[key] += 1
                    longest[key] = max(longest[key], run)
                run = 1
        print(f"{directory}: {len(dumps)} dumps, {len(seen)} request threads, "
              f"{sum(stays.values())} times a thread stayed at one place in 2 or more dumps in a row")
        for (state, frames), count in stays.most_common(6):
            where = "\n    <- ".join(frames)
            print(f"  {count} ({state}, up to {longest[(state, frames)]} dumps):\n    {where}")


if __name__ == "__main__":
    if len(sys.argv) < 2:
        sys.exit(__doc__)
    main(sys.argv[1:])
