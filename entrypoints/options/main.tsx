import { render } from 'preact';
import { OptionsApp } from '../../components/options/OptionsApp';
import '../../components/pages.css';

render(<OptionsApp />, document.getElementById('app')!);
