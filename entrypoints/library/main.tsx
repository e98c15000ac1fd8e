import { render } from 'preact';
import { LibraryApp } from '../../components/library/LibraryApp';
import '../../components/pages.css';

render(<LibraryApp />, document.getElementById('app')!);
