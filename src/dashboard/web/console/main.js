// @ts-check
// The call-centre agent's console, served at /console: one call, from verifying the caller to the verdict and what
// to do about it. Polish unless the agent picks English.
import { render } from 'preact';
import { html } from 'htm/preact';
import { preferLang } from '../i18n.js';
import { ConsoleApp } from './ConsoleApp.js';
import './console.css';

preferLang('pl');
const root = document.getElementById('app');
if (root) {
  root.textContent = ''; // the boot message; render() would keep it beside the app
  render(html`<${ConsoleApp} />`, root);
}
