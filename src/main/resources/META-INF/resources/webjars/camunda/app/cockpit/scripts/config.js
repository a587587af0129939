import product from '../../nangbuoc/product.js';

// Nâng Bước: the settings every webapp shares (../../nangbuoc/product.js), then Cockpit's own.
export default {
  ...product,
  // the human-task pages only for who may use them (see the script)
  customScripts: [
    ...product.customScripts,
    'scripts/nangbuoc/task-pages-for-whom-may'
  ]
};
