# Where a start spends the main thread's time (issue 20), from a JDK Flight Recorder file of one start:
#   BENCH_JAVA_OPTS='-XX:StartFlightRecording=settings=profile,filename=/tmp/start.jfr' STARTUP_RUNS=1 bench/startup
#   python3 bench/jfr-startup.py /tmp/start.jfr [thread name, default main]
# Execution samples of that thread until the server is ready are put in the first category whose frames they hold
# (in the order below), so the shares add up to 100%; also counts the classes loaded and the JIT's compilations.
import sys, re, subprocess, collections
f = sys.argv[1]
thread = sys.argv[2] if len(sys.argv) > 2 else 'main'
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '400', f],
                     capture_output=True, text=True).stdout
samples, cur = [], None
for line in out.splitlines():
    if line.startswith('jdk.ExecutionSample'):
        cur = {'thread': '', 'frames': []}; samples.append(cur)
    elif cur is not None and 'sampledThread' in line:
        cur['thread'] = line.split('=', 1)[1].strip()
    elif cur is not None:
        m = re.match(r'\s+([\w$./<>]+)\(', line)
        if m: cur['frames'].append(m.group(1))
cats = [
 ('Liquibase', r'^liquibase\.|pl\.konwent\.app\.Migrations'),
 ('class loading and linking', r'ClassLoader\.(loadClass|defineClass)|BuiltinClassLoader|URLClassPath|Class\.forName|'
  r'MethodHandleNatives|LambdaForm|InnerClassLambdaMetafactory|BootstrapMethodInvoker'),
 ('Jersey and HK2 (resource model, injection)', r'org\.glassfish\.(jersey|hk2)'),
 ('Hibernate Validator', r'org\.hibernate\.validator'),
 ('Jackson', r'com\.fasterxml\.jackson'),
 ('configuration (YAML)', r'org\.yaml|snakeyaml'),
 ('logging set-up (logback)', r'ch\.qos\.logback'),
 ('Jetty', r'org\.eclipse\.jetty'),
 ('JDBC, pool, Jdbi', r'org\.h2\.|com\.mysql|org\.apache\.tomcat\.jdbc|org\.jdbi'),
 ('crypto (bcrypt, BouncyCastle, SecureRandom)', r'bcrypt|org\.bouncycastle|SecureRandom|javax\.crypto'),
 ('PDFBox / fonts', r'org\.apache\.pdfbox|fontbox'),
 ('Konwent wiring', r'pl\.konwent'),
 ('Dropwizard other', r'io\.dropwizard'),
]
main = [s for s in samples if s['thread'].startswith('"' + thread + '"')]
counts = collections.Counter()
for s in main:
    stack = s['frames']
    for name, rx in cats:
        if any(re.search(rx, fr) for fr in stack):
            counts[name] += 1; break
    else:
        counts['other'] += 1
total = len(main) or 1
print(f'{len(main)} samples of thread {thread} ({len(samples)} of all threads)')
for name, n in counts.most_common():
    print(f'  {100 * n / total:5.1f}%  {name}')
summary = subprocess.run(['jfr', 'summary', f], capture_output=True, text=True).stdout
for ev in ('jdk.ClassLoad ', 'jdk.Compilation ', 'jdk.ClassDefine '):
    for line in summary.splitlines():
        if line.strip().startswith(ev.strip() + ' '):
            print('  ' + line.strip())
