/**
 * Browser entry of the strict host bundle (hosts/.dist/host.js).
 * The host page sets `window.__lmsConfig` first; this installs the API on
 * the host window before the course's iframe starts looking for it.
 */
import { CONFIG_GLOBAL, parseHostConfig } from './host-config.js';
import { createStrictHost, installStrictHost } from './strict-scorm.js';

installStrictHost(window, createStrictHost(parseHostConfig(Reflect.get(window, CONFIG_GLOBAL))));
