// the same check passes on allowed licences, and its report lists both dependencies under the canonical names
def report = new File(basedir, 'target/third-party-licences.txt').text
assert report =~ /Apache-2\.0[\s\S]*spring-session-core:4\.0\.4/
assert report =~ /MIT[\s\S]*org\.example\.fixture:unlicensed:1\.0/
return true
