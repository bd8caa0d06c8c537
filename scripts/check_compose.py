#!/usr/bin/env python3
"""scripts/check_compose.py: checks the docker-compose deployment (compose/) against the code.

scripts/check-deployment.sh runs it with the Python of its tool venv (it needs PyYAML) after rendering the compose
files with `docker-compose config`:

    check_compose.py --repo . --bin-dir .build/debug --config base=BASE.yml --config sasl=SASL.yml

Checks, for every rendered configuration (base file alone, base file plus overlay):
  1. Executables: the command of every service run from our image (compose/Dockerfile) names an executable product
     of Package.swift (its `.executable(name:` lines), the Dockerfile's PRODUCTS list is exactly those products,
     and every product that is a service (its --help lists VI_HTTP_PORT) is run by some compose service; the others
     (the `vi` command line) are tools, installed in the image but not run as services.
  2. Variables: every VI_* variable a service's executable prints in `--help` (from --bin-dir) is set for that
     service, or, when not set, documented in compose/.env.example; every required one is set; no VI_* variable
     is set that the executable does not read (a typo would be silently ignored by the service).
  3. Topics: the VI_TOPIC_* values of every job that makes or administers topics (kafka-init, kafka-admin) and of
     every service equal the defaults the executables print in --help; kafka/init.sh creates every topic variable.
     kafka-init makes the topics on the Kafka the services use: it shares the network of the compose service that
     VI_KAFKA_BROKERS names, and every service names the same one.
  4. ACLs (a configuration whose kafka-init sets KAFKA_SECURITY=sasl): compose/kafka/init.sh is run with stand-ins
     for Kafka's command-line tools that record the ACLs it adds. Every service's Kafka user must be granted
     exactly what its executable's --help lists under "Kafka": READ on each topic it reads and on each consumer
     group it joins (by prefix for generated groups), WRITE on each topic it writes; nothing missing, nothing more.
And once, on the files themselves:
  5. Every ${VARIABLE} the compose files interpolate is in compose/.env.example, and everything there is used by a
     compose file or read by a service; a commented example value there equals the default it documents (the
     compose file's own `${X:-default}`, else the executable's --help default).
  6. Every COPY of the Dockerfile from the build context is let in by .dockerignore.
  7. Shared libraries: what the executables of --bin-dir need (ldd), following the Swift runtime libraries, which
     the image links statically, and librdkafka, which it copies, must come from packages that the runtime stage
     of compose/Dockerfile installs. Each library is mapped to its package on this (Debian) host with `dpkg -S`,
     and the package to its name on the image's Ubuntu where they differ (RUNTIME_PACKAGE_NAMES).
  8. The variants: every set of compose files that compose/OPERATIONS.md or README.md names (`-f` options,
     COMPOSE_FILE=...) is a row of the table under "## Variants" in compose/OPERATIONS.md, and every row was
     rendered (a --config of its name). `--list-variants` prints the rows for check-deployment.sh, one per line:
     NAME<tab>FILE,FILE...<tab>KEY=VALUE KEY=VALUE... (the .env settings the variant needs).
  9. compose/OPERATIONS.md and README.md name only files that exist, services that exist in the compose files, and
     VI_* variables that a service reads; every `NAME=value` they show is a known variable.
It prints one summary line when everything holds, else one line per mismatch and exits 1.
"""

from __future__ import annotations

import argparse
import os
import re
import shutil
import subprocess
import sys
import tempfile
from pathlib import Path

import yaml

HELP_LINE = re.compile(r"^  (VI_[A-Z0-9_]+) = (.*)$")
# The "Kafka" section of --help (Sources/ServiceKit/Configuration/KafkaUsage.swift writes it).
KAFKA_READ_LINE = re.compile(r"^  reads (VI_TOPIC_[A-Z0-9_]+) in (group|groups) <prefix>\.([A-Za-z0-9._-]+?)(\*?)(?: \(.*\))?$")
KAFKA_WRITE_LINE = re.compile(r"^  writes (VI_TOPIC_[A-Z0-9_]+)$")
# The Kafka command-line tools that compose/kafka/init.sh runs; check 4 replaces them with stand-ins.
KAFKA_TOOLS = ("kafka-topics.sh", "kafka-configs.sh", "kafka-acls.sh")
# Debian 12 (this host) package names of shared libraries, and the runtime image's (Ubuntu 24.04) where they differ:
# Ubuntu 24.04 renamed the libraries whose ABI involves time_t in its 64-bit time_t transition (suffix t64).
RUNTIME_PACKAGE_NAMES = {"libcurl4": "libcurl4t64", "libssl3": "libssl3t64"}
# Packages every Ubuntu image has (essential): the C library and its loader.
BASE_IMAGE_PACKAGES = {"libc6"}
EXECUTABLE = re.compile(r'\.executable\(\s*name:\s*"([^"]+)"')
INTERPOLATION = re.compile(r"\$\{([A-Za-z_][A-Za-z0-9_]*)(?:(:?[-?])([^}]*))?\}")
ENV_LINE = re.compile(r"^(#?)\s?([A-Za-z_][A-Za-z0-9_]*)=(.*)$")
DOCKERFILE_DIR = "compose"
# docker compose options that take a value, globally and per command, for reading service names out of the
# documented commands.
GLOBAL_VALUE_OPTIONS = {"-f", "--file", "-p", "--project-name", "--profile", "--env-file", "--project-directory",
                        "--ansi", "--progress", "--parallel"}
COMMAND_VALUE_OPTIONS = {
    "run": {"-e", "--env", "-u", "--user", "-w", "--workdir", "--entrypoint", "--name", "-l", "--label", "-v",
            "--volume", "-p", "--publish", "--cap-add", "--cap-drop"},
    "exec": {"-e", "--env", "-u", "--user", "-w", "--workdir", "--index"},
    "up": {"--scale", "-t", "--timeout", "--wait-timeout", "--exit-code-from", "--attach", "--no-attach", "--pull"},
    "logs": {"-n", "--tail", "--since", "--until", "--index"},
    "stop": {"-t", "--timeout"}, "restart": {"-t", "--timeout"}, "kill": {"-s", "--signal"},
}
SERVICE_COMMANDS = {"up", "stop", "start", "restart", "logs", "rm", "pull", "build", "ps", "kill", "create",
                    "pause", "unpause", "top", "images", "port", "exec", "run"}
# Variables of other programs, and of the tools and the local stack (scripts/), that the documentation may show
# as NAME=value.
FOREIGN_VARIABLES = {"ORG_KAFKA_PASSWORD", "PGPASSWORD", "VI_CACHE_DIR", "VI_BIN_DIR", "VI_KAFKA_STORAGE"}


class Checker:
    def __init__(self, repo: Path, bin_dir: Path) -> None:
        self.repo = repo
        self.bin_dir = bin_dir
        self.problems: list[str] = []
        self.counts = {"services": set(), "variables": 0, "topics": 0, "acls": 0, "libraries": set()}
        self.help_cache: dict[str, dict[str, str]] = {}
        self.kafka_cache: dict[str, set[tuple[str, str, str, str]]] = {}

    def problem(self, text: str) -> None:
        self.problems.append(text)

    # --- inputs -----------------------------------------------------------------------------------------------
    def products(self) -> list[str]:
        return EXECUTABLE.findall((self.repo / "Package.swift").read_text())

    def help_settings(self, executable: str, service: bool = True) -> dict[str, str]:
        """The VI_* variables `executable --help` lists, with the default it prints. A `service` must list some."""
        if executable not in self.help_cache:
            path = self.bin_dir / executable
            settings: dict[str, str] = {}
            if not os.access(path, os.X_OK):
                self.problem(f"{path} is missing: build the executables first (swift build), or set VI_BIN_DIR")
            else:
                clean = {"PATH": "/usr/bin:/bin", "COLUMNS": "200"}
                try:
                    result = subprocess.run([str(path), "--help"], capture_output=True, text=True, env=clean,
                                            timeout=60, check=False)
                except (OSError, subprocess.SubprocessError) as error:
                    self.problem(f"`{path} --help` could not run: {error}")
                    result = subprocess.CompletedProcess([], 0, "", "")
                usage: set[tuple[str, str, str, str]] = set()
                for line in result.stdout.splitlines():
                    match = HELP_LINE.match(line)
                    if match:
                        settings[match.group(1)] = match.group(2).strip()
                    match = KAFKA_READ_LINE.match(line)
                    if match:
                        topic, _, group, generated = match.groups()
                        usage.add(("READ", "topic", "literal", topic))
                        usage.add(("READ", "group", "prefixed" if generated else "literal", group))
                    match = KAFKA_WRITE_LINE.match(line)
                    if match:
                        usage.add(("WRITE", "topic", "literal", match.group(1)))
                self.kafka_cache[executable] = usage
                if result.returncode != 0:
                    self.problem(f"`{executable} --help` exited {result.returncode}")
            self.help_cache[executable] = settings
        if service and not self.help_cache[executable]:
            self.problem(f"`{executable} --help` lists no VI_* variable, but a compose service runs it")
        return self.help_cache[executable]

    def service_products(self) -> list[str]:
        """The executable products that are services: their --help lists VI_HTTP_PORT."""
        return [p for p in self.products() if "VI_HTTP_PORT" in self.help_settings(p, service=False)]

    def env_example(self) -> tuple[dict[str, str], dict[str, str]]:
        """compose/.env.example: (active assignments, commented example assignments)."""
        active: dict[str, str] = {}
        commented: dict[str, str] = {}
        for line in (self.repo / "compose/.env.example").read_text().splitlines():
            match = ENV_LINE.match(line)
            if match:
                (commented if match.group(1) else active)[match.group(2)] = match.group(3)
        return active, commented

    def compose_files(self) -> list[Path]:
        return sorted((self.repo / "compose").glob("docker-compose*.yml"))

    def dockerfile(self) -> Path:
        return self.repo / DOCKERFILE_DIR / "Dockerfile"

    # --- 1 to 3: one rendered configuration ---------------------------------------------------------------------
    def check_config(self, label: str, path: Path) -> None:
        config = yaml.safe_load(path.read_text())
        services: dict = config.get("services") or {}
        products = self.products()
        documented = set().union(*self.env_example())
        ours = {name: service for name, service in services.items() if self.is_ours(service, services)}
        if not ours:
            self.problem(f"{label}: no service is built from compose/Dockerfile")
        run_products = set()
        defaults: dict[str, str] = {}
        for name, service in sorted(ours.items()):
            command = as_list(service.get("entrypoint")) + as_list(service.get("command"))
            executable = command[0] if command else ""
            if executable not in products:
                self.problem(f"{label}: service {name} runs '{executable}', which is no executable product of "
                             f"Package.swift ({', '.join(products)})")
                continue
            run_products.add(executable)
            self.counts["services"].add(name)
            settings = self.help_settings(executable)
            environment = as_mapping(service.get("environment"))
            for variable, default in settings.items():
                self.counts["variables"] += 1
                if variable.startswith("VI_TOPIC_"):
                    defaults.setdefault(variable, default)
                    if defaults[variable] != default:
                        self.problem(f"the executables disagree on the default of {variable}")
                if variable in environment:
                    continue
                if default == "(required)":
                    self.problem(f"{label}: service {name}: {executable} requires {variable}, which is not set")
                elif variable not in documented:
                    self.problem(f"{label}: service {name}: {executable} reads {variable}, which is neither set "
                                 f"for it nor documented in compose/.env.example")
            for variable in sorted(environment):
                if variable.startswith("VI_") and variable not in settings:
                    self.problem(f"{label}: service {name} sets {variable}, which {executable} does not read "
                                 f"(not in `{executable} --help`)")
        for product in self.service_products():
            if product not in run_products:
                self.problem(f"{label}: no compose service runs the service executable {product}")
        self.check_topics(label, services, ours, defaults)
        self.check_brokers(label, services, ours)
        init = as_mapping((services.get("kafka-init") or {}).get("environment"))
        if init.get("KAFKA_SECURITY") == "sasl":
            self.check_acls(label, services, ours, init)

    def check_brokers(self, label: str, services: dict, ours: dict) -> None:
        """kafka-init makes the topics (and ACLs) on the Kafka every service uses."""
        init = services.get("kafka-init") or {}
        network = str(init.get("network_mode", ""))
        init_host = network.removeprefix("service:") if network.startswith("service:") else None
        if init_host is None:
            self.problem(f"{label}: kafka-init does not share the network of a Kafka service (network_mode "
                         f"service:NAME), so it reaches no Kafka that the services use")
        elif init_host not in services:
            self.problem(f"{label}: kafka-init shares the network of {init_host}, which is no service here")
        for name, service in sorted(ours.items()):
            brokers = as_mapping(service.get("environment")).get("VI_KAFKA_BROKERS", "")
            hosts = {broker.strip().rpartition(":")[0] for broker in brokers.split(",") if broker.strip()}
            if init_host is not None and hosts != {init_host}:
                self.problem(f"{label}: service {name} uses the Kafka brokers {brokers!r}, but kafka-init makes the "
                             f"topics on the service {init_host}")
            dependencies = service.get("depends_on") or {}
            if init_host is not None and init_host not in dependencies:
                self.problem(f"{label}: service {name} does not wait for its Kafka, {init_host}")

    def check_acls(self, label: str, services: dict, ours: dict, init: dict[str, str]) -> None:
        """The ACLs compose/kafka/init.sh grants against what each service's --help says it uses."""
        granted = self.run_init_script(label, init)
        if granted is None:
            return
        prefix = init.get("VI_KAFKA_GROUP_PREFIX", "")
        users: set[str] = set()
        for name, service in sorted(ours.items()):
            environment = as_mapping(service.get("environment"))
            user = environment.get("VI_KAFKA_SASL_USERNAME", "")
            if not user:
                self.problem(f"{label}: service {name} has no VI_KAFKA_SASL_USERNAME, but Kafka requires SASL")
                continue
            if environment.get("VI_KAFKA_GROUP_PREFIX", "") != prefix:
                self.problem(f"{label}: service {name} uses the group prefix "
                             f"{environment.get('VI_KAFKA_GROUP_PREFIX')!r}, kafka-init grants {prefix!r}")
            executable = (as_list(service.get("entrypoint")) + as_list(service.get("command")))[0]
            self.help_settings(executable)
            declared = set()
            for operation, kind, pattern, value in self.kafka_cache.get(executable, set()):
                resource = init.get(value, f"${value}") if kind == "topic" else f"{prefix}.{value}"
                declared.add((operation, kind, pattern, resource))
            if not declared:
                self.problem(f"`{executable} --help` lists no Kafka topic under \"Kafka\"")
            users.add(user)
            have = {acl[1:] for acl in granted if acl[0] == user}
            for acl in sorted(declared - have):
                self.problem(f"{label}: {executable} (service {name}, Kafka user {user}) needs {acl[0]} on the "
                             f"{acl[2]} {acl[1]} {acl[3]}, which compose/kafka/init.sh does not grant")
            for acl in sorted(have - declared):
                self.problem(f"{label}: compose/kafka/init.sh grants Kafka user {user} {acl[0]} on the {acl[2]} "
                             f"{acl[1]} {acl[3]}, which {executable} does not list in --help (service {name})")
            self.counts["acls"] += len(declared)
        for user in sorted({acl[0] for acl in granted} - users):
            self.problem(f"{label}: compose/kafka/init.sh grants ACLs to {user}, which no service uses")

    def run_init_script(self, label: str, init: dict[str, str]) -> set[tuple[str, ...]] | None:
        """Runs compose/kafka/init.sh with kafka-init's environment and stand-in Kafka tools; the ACLs it adds, as
        (user, operation, resource type, pattern type, name)."""
        script = self.repo / "compose/kafka/init.sh"
        bash = shutil.which("bash")
        if bash is None:
            self.problem("bash is missing: check 4 runs compose/kafka/init.sh")
            return None
        with tempfile.TemporaryDirectory() as work:
            record = Path(work) / "calls"
            for tool in KAFKA_TOOLS:
                stand_in = Path(work) / tool
                # Every call: the tool's name and its arguments, each ended by NUL, then a line feed and NUL.
                stand_in.write_text('#!/bin/sh\nprintf \'%s\\0\' "${0##*/}" "$@" >>"$KAFKA_CALLS"\n'
                                    'printf \'\\n\\0\' >>"$KAFKA_CALLS"\n')
                stand_in.chmod(0o755)
            environment = {"PATH": "/usr/bin:/bin", "KAFKA_BIN": work, "KAFKA_CALLS": str(record)}
            environment.update(init)
            # The placeholders of .env.example would be refused, as they should: stand-ins that pass the rules.
            for variable in environment:
                if variable.startswith("KAFKA_PASSWORD_"):
                    environment[variable] = "check-compose-" + variable.lower().replace("_", "-")
            result = subprocess.run([bash, str(script)], capture_output=True, text=True, env=environment,
                                    timeout=60, check=False)
            if result.returncode != 0:
                self.problem(f"{label}: compose/kafka/init.sh failed with kafka-init's environment and stand-in "
                             f"Kafka tools: {result.stderr.strip().splitlines()[-1:]}")
                return None
            calls = record.read_text().split("\n\0") if record.exists() else []
        granted: set[tuple[str, ...]] = set()
        for call in calls:
            words = [word for word in call.split("\0") if word]
            if not words or words[0] != "kafka-acls.sh":
                continue
            options: dict[str, list[str]] = {}
            index = 1
            while index < len(words):
                word = words[index]
                if word in ("--add", "--remove", "--list", "--force"):
                    options.setdefault(word, [])
                    index += 1
                else:
                    options.setdefault(word, []).append(words[index + 1] if index + 1 < len(words) else "")
                    index += 2
            if "--add" not in options:
                continue
            pattern = (options.get("--resource-pattern-type") or ["literal"])[-1]
            resources = [("topic", t) for t in options.get("--topic", [])] + \
                [("group", g) for g in options.get("--group", [])]
            for principal in options.get("--allow-principal", []):
                for operation in options.get("--operation", []):
                    for kind, name in resources:
                        granted.add((principal.removeprefix("User:"), operation, kind, pattern, name))
        return granted

    @staticmethod
    def is_ours(service: dict, services: dict) -> bool:
        build = service.get("build")
        if isinstance(build, dict) and str(build.get("dockerfile", "")).endswith(f"{DOCKERFILE_DIR}/Dockerfile"):
            return True
        built_images = {
            other.get("image") for other in services.values()
            if isinstance(other.get("build"), dict)
            and str(other["build"].get("dockerfile", "")).endswith(f"{DOCKERFILE_DIR}/Dockerfile")
        }
        return service.get("image") in built_images

    def check_topics(self, label: str, services: dict, ours: dict, defaults: dict[str, str]) -> None:
        if not defaults:
            self.problem(f"{label}: the executables print no VI_TOPIC_* variable")
            return
        jobs = {name: service for name, service in services.items()
                if name not in ours and any(v.startswith("VI_TOPIC_") for v in as_mapping(service.get("environment")))}
        if "kafka-init" not in jobs:
            self.problem(f"{label}: no kafka-init job with the VI_TOPIC_* names")
        for name, service in sorted(jobs.items()):
            environment = as_mapping(service.get("environment"))
            wanted = defaults if name == "kafka-init" else {v: d for v, d in defaults.items() if v in environment}
            for variable, default in sorted(wanted.items()):
                value = environment.get(variable)
                if value != default:
                    self.problem(f"{label}: {name} uses topic {variable}={value!r}, but the executables' default "
                                 f"is {default!r}")
        for name, service in sorted(ours.items()):
            environment = as_mapping(service.get("environment"))
            for variable, default in sorted(defaults.items()):
                if variable in environment and environment[variable] != default:
                    self.problem(f"{label}: service {name} uses topic {variable}={environment[variable]!r}, but "
                                 f"the executables' default is {default!r}")
        self.counts["topics"] = max(self.counts["topics"], len(defaults))
        script = (self.repo / "compose/kafka/init.sh").read_text()
        for variable in sorted(defaults):
            if not re.search(rf'^topic "\$(?:{variable}|\{{{variable}\}})"', script, re.MULTILINE):
                self.problem(f"compose/kafka/init.sh does not create the topic ${variable} "
                             f"(no line `topic \"${variable}\" ...`)")

    # --- 1 (Dockerfile), 4, 5: the files -----------------------------------------------------------------------
    def check_dockerfile(self) -> None:
        text = self.dockerfile().read_text()
        match = re.search(r'^ARG PRODUCTS="([^"]*)"', text, re.MULTILINE)
        if not match:
            self.problem("compose/Dockerfile has no ARG PRODUCTS=\"...\" list of the executables it installs")
        elif sorted(match.group(1).split()) != sorted(self.products()):
            self.problem(f"compose/Dockerfile installs {match.group(1).split()}, but Package.swift's executable "
                         f"products are {self.products()}")
        patterns = [line.strip() for line in (self.repo / ".dockerignore").read_text().splitlines()
                    if line.strip() and not line.startswith("#")]
        for line in text.splitlines():
            words = line.split()
            if not words or words[0] != "COPY" or any(w.startswith("--from") for w in words):
                continue
            for source in [w for w in words[1:-1] if not w.startswith("--")]:
                matches = [str(p.relative_to(self.repo)) for p in self.repo.glob(source)] if "*" in source \
                    else [source]
                if not matches:
                    self.problem(f"compose/Dockerfile copies {source}, which matches nothing in the repository")
                for match in matches:
                    if not dockerignore_includes(patterns, match):
                        self.problem(f"compose/Dockerfile copies {match}, which .dockerignore leaves out")

    def check_libraries(self) -> None:
        """Every shared library the shipped executables need comes from a package of the runtime stage."""
        text = self.dockerfile().read_text()
        runtime = text[text.find(" AS runtime"):] if " AS runtime" in text else ""
        install = re.search(r"apt-get install((?:[^&]|&(?!&))*)", runtime.replace("\\\n", " "))
        if not install:
            self.problem("compose/Dockerfile's runtime stage (FROM ... AS runtime) has no apt-get install")
            return
        installed = {word for word in install.group(1).split() if not word.startswith("-")}
        copied = set(re.findall(r"^COPY --from=\S+ (\S+) ", runtime, re.MULTILINE))
        for tool in ("ldd", "readelf", "dpkg"):
            if shutil.which(tool) is None:
                self.problem(f"{tool} is missing: check 7 needs it (binutils, libc-bin, dpkg)")
                return
        needs: dict[str, set[str]] = {}  # library path -> executables that need it
        for product in self.products():
            binary = self.bin_dir / product
            if not os.access(binary, os.X_OK):
                continue  # help_settings names it
            for library in self.system_libraries(binary, copied):
                needs.setdefault(library, set()).add(product)
        packages: dict[str, str] = {}
        for library, users in sorted(needs.items()):
            package = self.package_of(library)
            if package is None:
                self.problem(f"{', '.join(sorted(users))} need{'s' if len(users) == 1 else ''} {library}, which belongs to no Debian package here, "
                             f"so the runtime image has no package for it")
                continue
            runtime_name = RUNTIME_PACKAGE_NAMES.get(package, package)
            packages[library] = runtime_name
            self.counts["libraries"].add(Path(library).name)
            if runtime_name not in installed and runtime_name not in BASE_IMAGE_PACKAGES:
                self.problem(f"{', '.join(sorted(users))} need{'s' if len(users) == 1 else ''} {Path(library).name} (Debian package {package}, "
                             f"on Ubuntu 24.04 {runtime_name}), which the runtime stage of compose/Dockerfile "
                             f"does not install: add {runtime_name} to its apt-get install")

    def system_libraries(self, binary: Path, copied: set[str]) -> set[str]:
        """The shared libraries from the system that `binary` needs directly, or through the Swift runtime
        libraries (linked statically into the image's build) or the libraries the image copies in (librdkafka)."""
        result = subprocess.run(["ldd", str(binary)], capture_output=True, text=True, check=False)
        resolved: dict[str, str] = {}
        for line in result.stdout.splitlines():
            match = re.match(r"^\s*(\S+) => (\S+|not found)", line)
            if match:
                resolved[match.group(1)] = match.group(2)
                if match.group(2) == "not found":
                    self.problem(f"{binary.name} needs {match.group(1)}, which ldd does not find on this host")
        system: set[str] = set()
        seen: set[str] = set()
        queue = [str(binary)]
        while queue:
            path = queue.pop()
            if path in seen:
                continue
            seen.add(path)
            dynamic = subprocess.run(["readelf", "-d", path], capture_output=True, text=True, check=False).stdout
            for name in re.findall(r"\(NEEDED\)\s+Shared library: \[([^]]+)\]", dynamic):
                target = resolved.get(name)
                if target is None or target == "not found":
                    continue
                real = os.path.realpath(target)
                if "/lib/swift/" in real or any(Path(c).name == name or c == target for c in copied):
                    queue.append(real)
                else:
                    system.add(target)
        return system

    @staticmethod
    def package_of(library: str) -> str | None:
        """The Debian package that holds `library` (tried as given, under /usr, and resolved)."""
        candidates = [library, "/usr" + library if not library.startswith("/usr/") else library,
                      os.path.realpath(library)]
        for candidate in dict.fromkeys(candidates):
            result = subprocess.run(["dpkg", "-S", candidate], capture_output=True, text=True, check=False)
            if result.returncode == 0 and result.stdout:
                return result.stdout.split(":", 1)[0].strip()
        return None

    def check_env_example(self) -> None:
        active, commented = self.env_example()
        documented = set(active) | set(commented)
        interpolated: dict[str, set[str]] = {}
        for path in self.compose_files():
            for variable, operator, default in INTERPOLATION.findall(path.read_text()):
                values = interpolated.setdefault(variable, set())
                if operator == ":-":
                    values.add(default)
        for variable in sorted(interpolated):
            if variable not in documented:
                self.problem(f"the compose files use ${{{variable}}}, which compose/.env.example does not document")
            if len(interpolated[variable]) > 1:
                self.problem(f"the compose files give ${{{variable}}} different defaults: "
                             f"{sorted(interpolated[variable])}")
        service_defaults: dict[str, str] = {}
        for product in self.products():
            for variable, default in self.help_settings(product, service=False).items():
                service_defaults.setdefault(variable, default)
        for variable in sorted(documented):
            used = variable in interpolated or variable in service_defaults or variable.startswith("COMPOSE_")
            if not used:
                self.problem(f"compose/.env.example documents {variable}, which neither a compose file nor a "
                             f"service uses")
        for variable, value in sorted(commented.items()):
            compose_default = next(iter(interpolated.get(variable, {""})), "")
            expected = compose_default or service_defaults.get(variable, "")
            if expected == "(unset)":
                expected = ""
            if variable in interpolated and value != expected:
                self.problem(f"compose/.env.example shows {variable}={value}, but the default is {expected!r}")

    # --- 8: the variants ---------------------------------------------------------------------------------------
    def variants(self) -> list[tuple[str, list[str], list[str]]]:
        """The rows of the "## Variants" table of compose/OPERATIONS.md: (name, compose files, .env settings)."""
        text = (self.repo / "compose/OPERATIONS.md").read_text()
        section = re.search(r"^## Variants\n(.*?)(?=^## )", text, re.MULTILINE | re.DOTALL)
        rows = []
        for line in (section.group(1) if section else "").splitlines():
            cells = [cell.strip() for cell in line.strip().strip("|").split("|")]
            if len(cells) != 3 or not re.fullmatch(r"`[a-z0-9-]+`", cells[0]):
                continue
            rows.append((cells[0].strip("`"), re.findall(r"`([^`]+\.yml)`", cells[1]),
                         re.findall(r"`([A-Z][A-Z0-9_]*=[^`\s]*)`", cells[2])))
        return rows

    def check_variants(self, rendered: set[str]) -> None:
        variants = self.variants()
        if not variants:
            self.problem("compose/OPERATIONS.md has no \"## Variants\" table of the deployment's variants")
        names = {name for name, _, _ in variants}
        combinations = {tuple(files) for _, files, _ in variants}
        for name, files, settings in variants:
            if name not in rendered:
                self.problem(f"the variant {name} of compose/OPERATIONS.md was not rendered (no --config {name}=...)")
            for file in files:
                if not (self.repo / "compose" / file).exists():
                    self.problem(f"the variant {name} of compose/OPERATIONS.md uses compose/{file}, which does not "
                                 f"exist")
            for setting in settings:
                key, _, value = setting.partition("=")
                if key == "COMPOSE_FILE" and value.split(":") != files:
                    self.problem(f"the variant {name} of compose/OPERATIONS.md sets COMPOSE_FILE={value}, but its "
                                 f"files are {', '.join(files)}")
        for label in sorted(rendered - names):
            self.problem(f"--config {label}: no variant of that name in compose/OPERATIONS.md")
        for relative in ("compose/OPERATIONS.md", "README.md"):
            path = self.repo / relative
            text = path.read_text() if path.exists() else ""
            named = [re.findall(r"-f (\S+\.yml)", m) for m in re.findall(r"docker[ -]compose((?: -f \S+)+)", text)]
            named += [m.split(":") for m in re.findall(r"COMPOSE_FILE=([\w.:-]+)", text)]
            for files in named:
                files = [Path(f).name for f in files]
                if tuple(files) not in combinations:
                    self.problem(f"{relative} uses the compose files {', '.join(files)}, which are no variant of "
                                 f"the \"## Variants\" table of compose/OPERATIONS.md")

    # --- 9: the operations text ----------------------------------------------------------------------------------
    def check_docs(self, service_names: set[str]) -> None:
        active, commented = self.env_example()
        known = set(active) | set(commented) | FOREIGN_VARIABLES
        read = {v for p in self.products() for v in self.help_settings(p, service=False)}
        texts = [(self.repo / relative).read_text() for relative in ("compose/OPERATIONS.md", "README.md")
                 if (self.repo / relative).exists()]
        if not any("docker-compose.sasl.yml" in text for text in texts):
            self.problem("neither compose/OPERATIONS.md nor README.md has the operations text (docker-compose.sasl.yml "
                         "is not named)")
        for relative in ("compose/OPERATIONS.md", "README.md"):
            path = self.repo / relative
            if not path.exists():
                continue
            text = path.read_text()
            for reference in sorted(set(re.findall(r"(?<![\w/.-])((?:compose|scripts)/[\w./-]*\w)", text))):
                if not (self.repo / reference).exists() and not reference.startswith("compose/secrets/") \
                        and reference != "compose/.env":
                    self.problem(f"{relative} names {reference}, which does not exist")
            for reference in sorted(set(re.findall(r"`((?:docker-compose[\w.]*\.yml|\.env\.example|Dockerfile|"
                                                   r"init\.sh|organisation\.sh|init-databases\.sh))`", text))):
                if not list(self.repo.glob(f"compose/**/{reference}")):
                    self.problem(f"{relative} names {reference}, which is not in compose/")
            for command in re.findall(r"docker[ -]compose((?: [^\s`|;&)]+)+)", text):
                for service in services_in(command.split()):
                    if service not in service_names:
                        self.problem(f"{relative}: `docker compose{command}` names the service {service}, which "
                                     f"no compose file defines")
            for variable in sorted(set(re.findall(r"\b(VI_[A-Z0-9_]*[A-Z0-9])\b(?!_?\*)", text))):
                if variable not in read and variable not in known:
                    self.problem(f"{relative} names {variable}, which no service reads")
            for variable in sorted(set(re.findall(r"\b([A-Z][A-Z0-9]*(?:_[A-Z0-9]+)+)=", text))):
                if variable not in known and variable not in read:
                    self.problem(f"{relative} shows {variable}=..., which compose/.env.example does not document")


def as_list(value) -> list[str]:
    if value is None:
        return []
    return value.split() if isinstance(value, str) else [str(v) for v in value]


def as_mapping(value) -> dict[str, str]:
    if isinstance(value, dict):
        return {str(k): "" if v is None else str(v) for k, v in value.items()}
    result = {}
    for item in value or []:
        key, _, val = str(item).partition("=")
        result[key] = val
    return result


def dockerignore_includes(patterns: list[str], source: str) -> bool:
    """Whether a build-context path survives .dockerignore (the last matching pattern wins, as in Docker)."""
    import fnmatch

    included = True
    candidates = [source.rstrip("/")]
    parts = candidates[0].split("/")
    candidates += ["/".join(parts[:i]) for i in range(1, len(parts))]
    for pattern in patterns:
        negated = pattern.startswith("!")
        clean = pattern[1:] if negated else pattern
        clean = clean.strip("/")
        if any(fnmatch.fnmatchcase(candidate, clean) for candidate in candidates):
            included = negated
    return included


def services_in(words: list[str]) -> list[str]:
    """The service names in the words after `docker compose`, for the commands that name services."""
    names: list[str] = []
    index = 0
    while index < len(words) and words[index].startswith("-"):  # global options
        index += 2 if words[index] in GLOBAL_VALUE_OPTIONS else 1
    if index >= len(words) or words[index] not in SERVICE_COMMANDS:
        return names
    command = words[index]
    index += 1
    while index < len(words):
        word = words[index]
        if word.startswith("-"):
            if word == "--scale" and index + 1 < len(words):
                names.append(words[index + 1].split("=")[0])
            index += 2 if word in COMMAND_VALUE_OPTIONS.get(command, set()) else 1
            continue
        if not re.fullmatch(r"[a-z][a-z0-9-]*", word):
            break
        names.append(word)
        if command in ("exec", "run"):
            break
        index += 1
    return names


def main() -> int:
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--repo", type=Path, default=Path(__file__).resolve().parent.parent)
    parser.add_argument("--bin-dir", type=Path, default=None)
    parser.add_argument("--config", action="append", default=[], metavar="LABEL=PATH",
                        help="a configuration rendered by `docker-compose config`")
    parser.add_argument("--list-variants", action="store_true",
                        help="print the variants of compose/OPERATIONS.md for check-deployment.sh and exit")
    args = parser.parse_args()
    repo = args.repo.resolve()
    bin_dir = (args.bin_dir or Path(os.environ.get("VI_BIN_DIR", repo / ".build/debug"))).resolve()
    checker = Checker(repo, bin_dir)
    if args.list_variants:
        for name, files, settings in checker.variants():
            print(f"{name}\t{','.join(files)}\t{' '.join(settings)}")
        return 0
    if not args.config:
        parser.error("give at least one --config LABEL=PATH")
    service_names: set[str] = set()
    for item in args.config:
        label, _, path = item.partition("=")
        checker.check_config(label, Path(path))
        service_names |= set((yaml.safe_load(Path(path).read_text()).get("services") or {}))
    for path in checker.compose_files():
        service_names |= set((yaml.safe_load(path.read_text()) or {}).get("services") or {})
    checker.check_variants({item.partition("=")[0] for item in args.config})
    checker.check_dockerfile()
    checker.check_libraries()
    checker.check_env_example()
    checker.check_docs(service_names)
    if checker.problems:
        for problem in dict.fromkeys(checker.problems):
            print(f"check_compose: {problem}", file=sys.stderr)
        print(f"check_compose: {len(dict.fromkeys(checker.problems))} problem(s)", file=sys.stderr)
        return 1
    labels = ", ".join(item.partition("=")[0] for item in args.config)
    print(f"check_compose: ok: {len(checker.counts['services'])} services run {len(checker.service_products())} of "
          f"{len(checker.products())} executables; {checker.counts['variables']} variable uses and "
          f"{checker.counts['topics']} topic names match the code ({labels}); {checker.counts['acls']} ACLs match "
          f"the services' Kafka use; the runtime image has the packages of "
          f"{len(checker.counts['libraries'])} shared libraries")
    return 0


if __name__ == "__main__":
    sys.exit(main())
