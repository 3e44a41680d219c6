// @ts-check
import { render } from 'preact';
import { html } from 'htm/preact';
import { App } from './components/App.js';
import './styles.css';

const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // the boot message; render() would keep it beside the app
  render(html`<${App} />`, root);
}
