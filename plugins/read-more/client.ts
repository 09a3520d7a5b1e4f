export { LinkRowLabel } from './components/LinkRowLabel'
