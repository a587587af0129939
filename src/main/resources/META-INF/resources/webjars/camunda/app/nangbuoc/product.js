// Nâng Bước: what the four Camunda webapps (Tasklist, Cockpit, Admin, Welcome) set the same way. Each app's
// scripts/config.js, which the app loads as a module, takes this and adds what is its own.
import './notifications-vi.js';

export default {
  // The header and the browser title show the product's name instead of "Camunda <app>". The webapps fall
  // back to "Camunda" when vendor is empty (''), so the vendor is a single space: the header renders nothing.
  app: {
    name: 'Nâng Bước',
    vendor: ' '
  },
  // Scripts every webapp runs (paths from the app's own folder); an app with scripts of its own lists these too.
  customScripts: ['../nangbuoc/one-login'],
  // Vietnamese by default. A browser that asks for English first gets English; any other language, or none,
  // gets Vietnamese.
  locales: {
    availableLocales: ['vi', 'en'],
    fallbackLocale: 'vi'
  }
};
