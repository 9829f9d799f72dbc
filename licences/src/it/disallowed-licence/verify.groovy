// the build failed because of the licence that is not allowed, and named it
def log = new File(basedir, 'build.log').text
assert log.contains('Broadcom Foundation License')
assert log =~ /(?s)FORBIDDEN|forbidden|not allowed|blacklist/
return true
