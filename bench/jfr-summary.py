# Summarises a JDK Flight Recorder file by where the request threads spend CPU (issue 20):
#   python3 bench/jfr-summary.py <file.jfr> [thread-name-prefix, e.g. dw-] [regex: our frames under matching samples]
# A sample counts in every category whose frames it holds, so the lines overlap; account set-up (bcrypt) is left out.
import sys, re, subprocess, collections
f = sys.argv[1]
out = subprocess.run(['jfr', 'print', '--events', 'jdk.ExecutionSample', '--stack-depth', '500', f], capture_output=True, text=True).stdout
samples = []
cur = None
for line in out.splitlines():
    if line.startswith('jdk.ExecutionSample'):
        cur = []; samples.append(cur)
    elif cur is not None and 'sampledThread' in line:
        cur.insert(0, '#THREAD ' + line.split('=',1)[1].strip())
    elif cur is not None:
        m = re.match(r'\s+([\w$./<>]+)\(', line)
        if m: cur.append(m.group(1))
cats = [
 ('request log (logback-access)', r'logback\.access|RequestLogImpl|dropwizard\.request\.logging'),
 ('caller authentication (all)', r'CallerAuthentication\.filter'),
 ('  roles query (JdbiRoleGrants.of)', r'JdbiRoleGrants\.of'),
 ('  token+account read', r'JdbiTokens\.holderOf|JdbiTokens\.accountOf|JdbiAccounts\.find'),
 ('audit (AuditFilter)', r'AuditFilter'),
 ('ballot cast (VotingService.cast)', r'VotingService\.cast'),
 ('  secret ballot sealing', r'JdbiBallotSealer|KeyWrap|SecretBallot'),
 ('idempotency filter', r'IdempotencyFilter'),
 ('conditional GET / ETag', r'ConditionalGetFilter'),
 ('member list (JdbiMembers.list)', r'JdbiMembers\.list'),
 ('  contact JSON parse', r'JsonColumns\.read'),
 ('feeds', r'[Ff]eed'),
 ('Jdbi on-demand SqlObject', r'OnDemandExtensions|ExtensionFactory|SqlObjectFactory|ExtensionMetadata'),
 ('tomcat-jdbc pool', r'org\.apache\.tomcat\.jdbc'),
 ('HikariCP pool', r'com\.zaxxer\.hikari'),
 ('public stamp read (ETag)', r'PublicStamps\.(register|feed)'),
 ('Connector/J', r'com\.mysql\.cj'),
 ('Jackson writing', r'com\.fasterxml\.jackson\.databind\.ser|ObjectWriter|JacksonJsonProvider.writeTo'),
 ('Jersey request processing (all)', r'org\.glassfish\.jersey\.server\.ServerRuntime'),
 ('Jetty writing the response', r'org\.eclipse\.jetty\.ee10\.servlet\.HttpOutput\.(write|flush|close)'),
 ('JIT/GC (no Java frame)', r'^$'),
]
want = sys.argv[2] if len(sys.argv) > 2 else ''
samples = [x[1:] for x in samples if x and x[0].startswith('#THREAD "dw-') and want in x[0] and not any('bcrypt' in fr or 'AccountService' in fr or 'Authentication.login' in fr or 'RoleService' in fr for fr in x)]
n = len(samples)
print(f'{n} samples handling requests')
for name, pat in cats:
    rx = re.compile(pat)
    if pat == r'^$':
        c = sum(1 for s in samples if not s)
    else:
        c = sum(1 for s in samples if any(rx.search(fr) for fr in s))
    print(f'{100*c/max(n,1):5.1f}%  {name}')
top = collections.Counter(s[0] for s in samples if s)
print('top self frames:')
for fr, c in top.most_common(12):
    print(f'{100*c/n:5.1f}%  {fr}')
if len(sys.argv) > 3:
    rx = re.compile(sys.argv[3])
    c = collections.Counter()
    for s in samples:
        if any(rx.search(fr) for fr in s):
            own = [fr for fr in s if fr.startswith('pl.konwent') and '$$' not in fr]
            c[own[0] if own else '(none)'] += 1
    print('by our frame under', sys.argv[3])
    for fr, k in c.most_common(12):
        print(f'{100*k/n:5.1f}%  {fr}')
