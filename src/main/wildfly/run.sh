#!/usr/bin/env bash
# ./mvnw -Pwildfly,run package : the chat on WildFly, in the foreground, on the embedded defaults
# (H2 and the broker under ./data, HTTP on 8080, STOMP over WebSocket on 61614). Extra settings
# go in as system properties or environment variables (MicroProfile Config), as on Payara.
set -euo pipefail
"${wildfly.home}/bin/jboss-cli.sh" --file="${project.build.directory}/wildfly/deploy-chat.cli" > "${project.build.directory}/wildfly/deploy-chat.log"
exec "${wildfly.home}/bin/standalone.sh" -c standalone.xml "$@"
