#!/usr/bin/env bash
# Builds the file system Alertstream's images run on, without a base image to pull: a jlink'ed
# Java runtime from this machine's JDK, the shared libraries it and the JNI libraries of RocksDB
# and zstd load (glibc, libstdc++), CA certificates, and a non-root user.
#   build-runtime.sh OUTPUT_DIR
set -euo pipefail

out=$(realpath -m "$1")
java_home=${JAVA_HOME:-$(dirname "$(dirname "$(readlink -f "$(command -v java)")")")}
modules=java.se,jdk.httpserver,jdk.unsupported,jdk.crypto.ec,jdk.crypto.cryptoki,jdk.management,\
jdk.management.agent,jdk.security.auth,jdk.security.jgss,jdk.naming.dns,jdk.zipfs,jdk.jfr,jdk.net,\
jdk.jcmd,jdk.localedata

if [ ! -d "$java_home/jmods" ]; then
  echo "build-runtime.sh: $java_home has no jmods, which jlink needs; install" \
    "openjdk-17-jdk-headless or point JAVA_HOME at a full JDK" >&2
  exit 1
fi

rm -rf "$out"
mkdir -p "$out/opt" "$out/etc" "$out/tmp"
"$java_home/bin/jlink" --add-modules "$modules" --strip-debug --no-header-files --no-man-pages \
  --compress=2 --output "$out/opt/java"

# Debian's cacerts is a link into /etc/ssl; the image gets the file itself.
if [ -f /etc/ssl/certs/java/cacerts ]; then
  cp -L /etc/ssl/certs/java/cacerts "$out/opt/java/lib/security/cacerts"
fi

# Every library the runtime's ELF files need, plus those RocksDB's and zstd's JNI libraries need
# (they are unpacked from their jars at run time, so ldd cannot see them here).
libraries() {
  find "$out/opt/java" -type f \( -name '*.so' -o -path '*/bin/*' \) -print0 |
    xargs -0 ldd 2>/dev/null | awk '/=> \// { print $3 } /^[ \t]*\/lib/ { print $1 }'
  for soname in libstdc++.so.6 libgcc_s.so.1 libpthread.so.0 libdl.so.2 librt.so.1 libm.so.6 \
    libz.so.1; do
    ldconfig -p | awk -v so="$soname" '$1 == so && /x86-64/ && !found { print $NF; found = 1 }'
  done
}
libraries | sort -u | while read -r lib; do
  # Skip empty lines and the runtime's own libraries.
  case "$lib" in "" | "$out"/*) continue ;; esac
  cp -L --parents "$lib" "$out"
  # ...and what those need in turn.
  ldd "$lib" 2>/dev/null | awk '/=> \// { print $3 }' | while read -r dep; do
    [ -e "$out$dep" ] || cp -L --parents "$dep" "$out"
  done
done

cat > "$out/etc/passwd" <<'TXT'
root:x:0:0:root:/root:/sbin/nologin
nonroot:x:65532:65532:nonroot:/home/nonroot:/sbin/nologin
TXT
cat > "$out/etc/group" <<'TXT'
root:x:0:
nonroot:x:65532:
TXT
echo "hosts: files dns" > "$out/etc/nsswitch.conf"
mkdir -p "$out/home/nonroot" "$out/var/lib/alertstream"
echo "runtime in $out: $(du -sh "$out" | cut -f1)"
