// the build failed because a dependency has no licence, and named the dependency
def log = new File(basedir, 'build.log').text
assert log.contains('org.example.fixture:unlicensed:1.0')
assert log =~ /(?i)no license|without license|missing/
return true
