/** Entry point: GOV.UK Frontend's styles (built from its Sass with Arial, see govuk-frontend.scss), ours,
 *  and the app. No GOV.UK JavaScript is
 *  initialised: the components that need behaviour (conditional reveal, character count, error
 *  summary focus) are Svelte components that do it themselves. */
import './govuk-frontend.scss';
import './app.css';
import { mount } from 'svelte';
import App from './App.svelte';

mount(App, { target: document.getElementById('app')! });
