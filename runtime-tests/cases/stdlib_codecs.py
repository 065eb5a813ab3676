# _codecs: the host's codecs, encodings, locale and gettext over Ember's registry.
import codecs, locale, gettext, encodings
print(codecs.lookup('UTF-8').name, codecs.lookup('latin1').name, codecs.lookup('ascii').name)
print(codecs.encode('héllo', 'utf-8'), codecs.decode(b'h\xc3\xa9', 'utf-8'), codecs.encode('abc', 'rot13'))
print(codecs.utf_8_decode(b'a\xe2\x82', None, False), codecs.utf_8_decode(b'a\xe2\x82\xac', None, True))
d = codecs.getincrementaldecoder('utf-8')()
print(d.decode(b'\xe2'), d.decode(b'\x82'), d.decode(b'\xac'))
print('é'.encode('ascii', 'backslashreplace'), codecs.lookup_error('strict'), codecs.strict_errors is not None)
try:
    codecs.lookup('no-such-codec')
except LookupError as e:
    print('LookupError', e)
print('ab€'.encode('latin-1', 'namereplace'), b'a\xffb'.decode('ascii', 'replace'))
def h(e): return ('<%d>' % e.start, e.end)
codecs.register_error('mine', h)
print(codecs.lookup_error('mine') is h)
print(locale.normalize('en_US'), gettext.gettext('hello'), gettext.find('x'))
print(codecs.BOM_UTF8, codecs.latin_1_encode('ÿ'), codecs.ascii_decode(b'xyz'))
