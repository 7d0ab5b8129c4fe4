/**
 * Distribution names versus import names. A requirement says `PyYAML`, the code says `import yaml`:
 * without the installed metadata, only a table of the common mismatches connects the two.
 */

/** PEP 503 normalisation: `Typing_Extensions` → `typing-extensions`, `ruamel.yaml` → `ruamel-yaml`. */
export const normalizeDistributionName = (name: string): string => name.trim().toLowerCase().replace(/[-_.]+/g, '-');

/**
 * Import names of distributions whose name does not say them, keyed by normalised name. Dotted
 * entries are packages inside a namespace package (`protobuf` installs `google.protobuf`).
 */
const KNOWN: Record<string, readonly string[]> = {
  'antlr4-python3-runtime': ['antlr4'],
  'apache-airflow': ['airflow'],
  attrs: ['attr', 'attrs'],
  beautifulsoup4: ['bs4'],
  'discord-py': ['discord'],
  dnspython: ['dns'],
  'faiss-cpu': ['faiss'],
  'faiss-gpu': ['faiss'],
  'ffmpeg-python': ['ffmpeg'],
  gitpython: ['git'],
  'google-api-python-client': ['googleapiclient', 'apiclient'],
  'google-auth': ['google.auth', 'google.oauth2'],
  'googleapis-common-protos': ['google.api', 'google.rpc', 'google.type', 'google.longrunning'],
  grpcio: ['grpc'],
  'grpcio-health-checking': ['grpc_health'],
  'grpcio-reflection': ['grpc_reflection'],
  'grpcio-status': ['grpc_status'],
  'grpcio-tools': ['grpc_tools'],
  'hydra-core': ['hydra'],
  'llama-cpp-python': ['llama_cpp'],
  'mecab-python3': ['MeCab'],
  'msgpack-python': ['msgpack'],
  mysqlclient: ['MySQLdb'],
  'opencv-contrib-python': ['cv2'],
  'opencv-contrib-python-headless': ['cv2'],
  'opencv-python': ['cv2'],
  'opencv-python-headless': ['cv2'],
  'opentelemetry-api': ['opentelemetry'],
  'opentelemetry-sdk': ['opentelemetry.sdk'],
  'paho-mqtt': ['paho.mqtt', 'paho'],
  'pdfminer-six': ['pdfminer'],
  pillow: ['PIL'],
  protobuf: ['google.protobuf'],
  'psycopg-binary': ['psycopg'],
  'psycopg2-binary': ['psycopg2'],
  'pyasn1-modules': ['pyasn1_modules'],
  pycairo: ['cairo'],
  pycryptodome: ['Crypto'],
  pycryptodomex: ['Cryptodome'],
  pygobject: ['gi'],
  pyinstaller: ['PyInstaller'],
  pyjwt: ['jwt'],
  pymongo: ['pymongo', 'bson', 'gridfs'],
  pymupdf: ['fitz', 'pymupdf'],
  pyopenssl: ['OpenSSL'],
  pyqt5: ['PyQt5'],
  pyqt6: ['PyQt6'],
  pyserial: ['serial'],
  pyside2: ['PySide2'],
  pyside6: ['PySide6'],
  'python-dateutil': ['dateutil'],
  'python-docx': ['docx'],
  'python-dotenv': ['dotenv'],
  'python-engineio': ['engineio'],
  'python-jose': ['jose'],
  'python-json-logger': ['pythonjsonlogger'],
  'python-levenshtein': ['Levenshtein'],
  levenshtein: ['Levenshtein'],
  'python-magic': ['magic'],
  'python-multipart': ['multipart', 'python_multipart'],
  'python-pptx': ['pptx'],
  'python-slugify': ['slugify'],
  'python-socketio': ['socketio'],
  'python-xlib': ['Xlib'],
  'pytorch-lightning': ['pytorch_lightning'],
  pyusb: ['usb'],
  pywavelets: ['pywt'],
  pywin32: ['win32api', 'win32con', 'win32com', 'win32gui', 'win32file', 'pywintypes', 'pythoncom'],
  pyyaml: ['yaml'],
  pyzmq: ['zmq'],
  'scikit-image': ['skimage'],
  'scikit-learn': ['sklearn'],
  setuptools: ['setuptools', 'pkg_resources', '_distutils_hack'],
  'tensorflow-cpu': ['tensorflow'],
  'tensorflow-gpu': ['tensorflow'],
  'typing-extensions': ['typing_extensions'],
  'websocket-client': ['websocket'],
  wxpython: ['wx'],
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
  // A dotted distribution name is usually a namespace package of the same path (zope.interface).
  if (/^[A-Za-z_][\w]*(\.[A-Za-z_]\w*)+$/.test(raw)) out.add(raw);
  const underscored = raw.replace(/[-.]+/g, '_');
  out.add(underscored);
  out.add(underscored.toLowerCase());
  const stripped = normalized.replace(/^(python|py)-/, '').replace(/-python3?$/, '');
  if (stripped !== normalized && stripped !== '') out.add(stripped.replace(/-/g, '_'));
  return [...out];
};

/** Distributions in the table that provide an import name (`yaml` → ['pyyaml']). */
export const knownDistributionsForImport = (importName: string): string[] => {
  const out: string[] = [];
  for (const [dist, names] of KNOWN_IMPORT_NAMES) {
    if (names.some((n) => n === importName || n.startsWith(`${importName}.`) || importName.startsWith(`${n}.`))) out.push(dist);
  }
  return out;
};
