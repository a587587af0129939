// Nâng Bước: this app takes the settings every webapp shares (../../nangbuoc/product.js) and nothing else.
export { default } from '../../nangbuoc/product.js';
